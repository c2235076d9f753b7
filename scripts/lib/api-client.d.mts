export function apiClient(baseURL: any): {
    call: (method: any, path: any, body: any) => Promise<{
        status: number;
        data: any;
    }>;
    must(method: any, path: any, body: any): Promise<any>;
};
