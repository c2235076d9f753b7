/**
 * @param {{ journeys?: number, days?: number, now?: number, seed?: number }} opts
 * @returns {Array<object>} import events, oldest first
 */
export function simulateDemoEvents({ journeys, days, now, seed }?: {
    journeys?: number;
    days?: number;
    now?: number;
    seed?: number;
}): Array<object>;
