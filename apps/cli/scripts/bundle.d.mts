export declare const BUNDLE: string;
export declare function isFresh(): boolean;
export declare function buildBundle(): Promise<void>;
