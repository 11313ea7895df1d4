export declare const LAB_SOURCES_MODULE: 'virtual:skylab-lab-sources';
export declare const LAB_SOURCES_FILE: string;
export declare function labFiles(): string[];
export declare function examFiles(): string[];
export declare function labSourcesModule(): string;
