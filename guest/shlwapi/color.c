/* Colours as numbers (no GDI needed): ColorRGBToHLS and ColorHLSToRGB on the 0..240 scale Windows'
 * colour dialog uses for hue, luminance and saturation (a grey has the undefined hue 160 of that
 * scale's convention, 2/3 of 240), and ColorAdjustLuma (n in 0.1 % of the luminance range: added
 * to the luminance with fScale, the luminance itself without; clamped to the range). */
#include "lw.h"

#define HLSMAX 240
#define RGBMAX 255
#define UNDEFINED_HUE (HLSMAX * 2 / 3)

SHLAPI void WINAPI ColorRGBToHLS(COLORREF rgb, WORD *hue, WORD *lum, WORD *sat)
{
    int r = GetRValue(rgb), g = GetGValue(rgb), b = GetBValue(rgb);
    int max = r > g ? (r > b ? r : b) : (g > b ? g : b), min = r < g ? (r < b ? r : b) : (g < b ? g : b);
    int l = ((max + min) * HLSMAX + RGBMAX) / (2 * RGBMAX), h, s;
    if (max == min) {
        s = 0;
        h = UNDEFINED_HUE;
    } else {
        int d = max - min;
        s = l <= HLSMAX / 2 ? (d * HLSMAX + (max + min) / 2) / (max + min)
                            : (d * HLSMAX + (2 * RGBMAX - max - min) / 2) / (2 * RGBMAX - max - min);
        int rd = ((max - r) * (HLSMAX / 6) + d / 2) / d;
        int gd = ((max - g) * (HLSMAX / 6) + d / 2) / d;
        int bd = ((max - b) * (HLSMAX / 6) + d / 2) / d;
        if (r == max) h = bd - gd;
        else if (g == max) h = HLSMAX / 3 + rd - bd;
        else h = 2 * HLSMAX / 3 + gd - rd;
        if (h < 0) h += HLSMAX;
        if (h > HLSMAX) h -= HLSMAX;
    }
    if (hue) *hue = (WORD)h;
    if (lum) *lum = (WORD)l;
    if (sat) *sat = (WORD)s;
}

static int HueToRGB(int n1, int n2, int hue)
{
    if (hue < 0) hue += HLSMAX;
    if (hue > HLSMAX) hue -= HLSMAX;
    if (hue < HLSMAX / 6) return n1 + ((n2 - n1) * hue + HLSMAX / 12) / (HLSMAX / 6);
    if (hue < HLSMAX / 2) return n2;
    if (hue < HLSMAX * 2 / 3) return n1 + ((n2 - n1) * (HLSMAX * 2 / 3 - hue) + HLSMAX / 12) / (HLSMAX / 6);
    return n1;
}

SHLAPI COLORREF WINAPI ColorHLSToRGB(WORD hue, WORD lum, WORD sat)
{
    int r, g, b;
    if (sat == 0) {
        r = g = b = lum * RGBMAX / HLSMAX;
    } else {
        int m2 = lum <= HLSMAX / 2 ? (lum * (HLSMAX + sat) + HLSMAX / 2) / HLSMAX
                                   : lum + sat - (lum * sat + HLSMAX / 2) / HLSMAX;
        int m1 = 2 * lum - m2;
        r = (HueToRGB(m1, m2, hue + HLSMAX / 3) * RGBMAX + HLSMAX / 2) / HLSMAX;
        g = (HueToRGB(m1, m2, hue) * RGBMAX + HLSMAX / 2) / HLSMAX;
        b = (HueToRGB(m1, m2, hue - HLSMAX / 3) * RGBMAX + HLSMAX / 2) / HLSMAX;
    }
    if (r > 255) r = 255;
    if (g > 255) g = 255;
    if (b > 255) b = 255;
    return RGB(r, g, b);
}

SHLAPI COLORREF WINAPI ColorAdjustLuma(COLORREF rgb, int n, BOOL scale)
{
    WORD h, l, s;
    if (n == 0 && scale) return rgb;
    ColorRGBToHLS(rgb, &h, &l, &s);
    int step = n * HLSMAX / 1000;               /* n is in 0.1 % of the whole range */
    int lum = scale ? l + step : step;
    if (lum < 0) lum = 0;
    if (lum > HLSMAX) lum = HLSMAX;
    return ColorHLSToRGB(h, (WORD)lum, s);
}
