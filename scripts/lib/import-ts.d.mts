export function importTs(file: string): Promise<Record<string, unknown>>;
