export namespace DEMO_LOGIN {
    let email: string;
    let password: string;
    let organization: string;
}
export const DEMO_SITE_NAME: "Demo Outdoor Co. web shop";
/** key, name, stage, channel, owner, URL rules, prompt dimensions, and the simulated mean per dimension (1–5). */
export const DEMO_TOUCHPOINTS: {
    key: string;
    name: string;
    stage: string;
    channel: string;
    owner: string;
    match: string[];
    dims: string[];
    mean: {
        sensorial: number;
        affective: number;
        cognitive: number;
        importance: number;
    };
}[];
/** A recent regression: the touchpoint's experience scores dropped by `drop` over the last `days` days. */
export const DEMO_REGRESSION: { touchpoint: string; days: number; drop: number };
/** Typical paths through the journey; each simulated visitor follows one, possibly stopping early. */
export const DEMO_PATHS: string[][];
export const DEMO_COMMENTS: {
    checkout: string[];
    delivery: string[];
    'size-guide': string[];
    home: string[];
    'store-counter': string[];
    help: string[];
};
/** The demo's second journey type (Returns), its own touchpoints, and its customers' paths. */
export const DEMO_RETURN_TOUCHPOINTS: typeof DEMO_TOUCHPOINTS;
export const DEMO_JOURNEY_TYPES: { name: string; slug: string; stages: string[]; touchpoints: { key: string; stage: string }[] }[];
export const DEMO_RETURN_PATHS: string[][];
