/**
 * Where the phone is, per platform (`location.weapp.ts`, `location.h5.ts`), in GCJ-02 (the datum
 * WeChat answers and Chinese maps draw) with its accuracy in metres. Rejects with a Chinese message
 * a helper can act on; a visit never needs it (GPS stays optional).
 */
export declare function currentFix(): Promise<{ latitude: number; longitude: number; accuracy: number }>;
