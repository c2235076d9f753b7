/** @returns {Promise<{ siteId: string, siteKey: string, created: boolean, imported: number }>} */
export function seedDemo(baseURL: any, { journeys }?: {}): Promise<{
    siteId: string;
    siteKey: string;
    created: boolean;
    imported: number;
}>;
