export function applyMigrations({ persistTo }?: {}): void;
/**
 * @param {{ port: number, persistTo?: string, vars?: Record<string,string>, quiet?: boolean }} opts
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export function startLocalWorker({ port, persistTo, vars, quiet }: {
    port: number;
    persistTo?: string;
    vars?: Record<string, string>;
    quiet?: boolean;
}): Promise<{
    url: string;
    stop: () => Promise<void>;
}>;
