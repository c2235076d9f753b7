/**
 * @param {{ journeys?: number, days?: number, now?: number, seed?: number, paths?: string[][] }} opts
 * @returns {Array<object>} import events, oldest first
 */
export function simulateDemoEvents({ journeys, days, now, seed, paths }?: {
    journeys?: number;
    days?: number;
    now?: number;
    seed?: number;
    paths?: string[][];
}): Array<object>;
