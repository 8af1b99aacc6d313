/**
 * How much larger than standard the person set their text, per platform (`font-scale.weapp.ts` /
 * `font-scale.h5.ts`): weapp WeChat's 字体大小 (`getAppBaseInfo().fontSizeScaleFactor`, base library
 * ≥ 2.25.3; older clients `getSystemInfoSync().fontSizeSetting` ÷ 16); H5 the browser's own font
 * size setting (its default `medium` size ÷ 16). 1 is standard.
 */
export declare function systemFontScale(): number;
