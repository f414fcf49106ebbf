/**
 * Common screen resolutions in physical pixels — what a full-screen screenshot measures. Representative, not
 * exhaustive: the phones and displays that sell in volume (Apple's published device resolutions, the Android panels
 * of Xiaomi/OPPO/vivo/Huawei/Honor/Samsung/Pixel, common laptop and desktop monitors). Each is matched in both
 * orientations. Photo sizes that coincide with a screen (1280×720, 1920×1080, 3840×2160 are also 16:9 camera and
 * video sizes) are why a size match is only weak evidence on its own.
 */
export const SCREEN_SIZES: readonly { readonly width: number; readonly height: number; readonly device: string }[] = [
  // iPhone (portrait)
  { width: 640, height: 1136, device: 'iPhone 5/5s/SE (1st gen)' },
  { width: 750, height: 1334, device: 'iPhone 6/7/8/SE (2nd, 3rd gen)' },
  { width: 1242, height: 2208, device: 'iPhone 6/7/8 Plus' },
  { width: 828, height: 1792, device: 'iPhone XR/11' },
  { width: 1125, height: 2436, device: 'iPhone X/XS/11 Pro' },
  { width: 1242, height: 2688, device: 'iPhone XS Max/11 Pro Max' },
  { width: 1080, height: 2340, device: 'iPhone 12/13 mini; many Android phones' },
  { width: 1170, height: 2532, device: 'iPhone 12/13/14' },
  { width: 1284, height: 2778, device: 'iPhone 12/13 Pro Max, 14 Plus' },
  { width: 1179, height: 2556, device: 'iPhone 14 Pro/15/15 Pro/16' },
  { width: 1290, height: 2796, device: 'iPhone 14 Pro Max/15 Plus/15 Pro Max/16 Plus' },
  { width: 1206, height: 2622, device: 'iPhone 16 Pro' },
  { width: 1320, height: 2868, device: 'iPhone 16 Pro Max' },
  // Android phones (portrait)
  { width: 720, height: 1280, device: 'Android HD' },
  { width: 720, height: 1520, device: 'Android HD+ 19:9' },
  { width: 720, height: 1600, device: 'Android HD+ 20:9' },
  { width: 1080, height: 1920, device: 'Android FHD 16:9' },
  { width: 1080, height: 2160, device: 'Android FHD+ 18:9' },
  { width: 1080, height: 2240, device: 'Android FHD+ (Huawei)' },
  { width: 1080, height: 2244, device: 'Android FHD+ (Huawei P20)' },
  { width: 1080, height: 2280, device: 'Android FHD+ 19:9' },
  { width: 1080, height: 2376, device: 'Android FHD+ (Honor/Huawei)' },
  { width: 1080, height: 2400, device: 'Android FHD+ 20:9 (most common)' },
  { width: 1080, height: 2408, device: 'Android FHD+ (vivo)' },
  { width: 1080, height: 2412, device: 'Android FHD+ (OPPO/OnePlus/realme)' },
  { width: 1080, height: 2460, device: 'Android FHD+ (Samsung A-series)' },
  { width: 1220, height: 2712, device: 'Android 1.5K (Xiaomi/Redmi)' },
  { width: 1224, height: 2700, device: 'Android 1.5K (Honor)' },
  { width: 1200, height: 2670, device: 'Android 1.5K (Xiaomi 14)' },
  { width: 1260, height: 2800, device: 'Android 1.5K (vivo/iQOO/Honor)' },
  { width: 1264, height: 2780, device: 'Android 1.5K (OnePlus)' },
  { width: 1440, height: 2560, device: 'Android QHD 16:9' },
  { width: 1440, height: 2960, device: 'Samsung Galaxy S8/S9' },
  { width: 1440, height: 3040, device: 'Samsung Galaxy S10' },
  { width: 1440, height: 3088, device: 'Samsung Galaxy S21-S24 Ultra' },
  { width: 1440, height: 3120, device: 'Android QHD+ (Huawei/Xiaomi)' },
  { width: 1440, height: 3168, device: 'OnePlus Pro' },
  { width: 1440, height: 3200, device: 'Android QHD+ 20:9' },
  { width: 1344, height: 2992, device: 'Google Pixel 8 Pro/9 Pro XL' },
  // Tablets (portrait)
  { width: 1536, height: 2048, device: 'iPad 9.7"' },
  { width: 1620, height: 2160, device: 'iPad 10.2"' },
  { width: 1640, height: 2360, device: 'iPad 10.9" / Air' },
  { width: 1668, height: 2224, device: 'iPad Pro 10.5"' },
  { width: 1668, height: 2388, device: 'iPad Pro 11"' },
  { width: 2048, height: 2732, device: 'iPad Pro 12.9"' },
  { width: 1488, height: 2266, device: 'iPad mini 6' },
  { width: 1600, height: 2560, device: 'Android tablet' },
  { width: 1200, height: 1920, device: 'Android tablet WUXGA' },
  // Laptops and desktops (landscape)
  { width: 1024, height: 768, device: 'XGA' },
  { width: 1280, height: 720, device: 'HD 720p' },
  { width: 1280, height: 800, device: 'WXGA / MacBook 13" (scaled)' },
  { width: 1280, height: 1024, device: 'SXGA' },
  { width: 1366, height: 768, device: 'laptop HD' },
  { width: 1440, height: 900, device: 'WXGA+ / MacBook Air 13" (scaled)' },
  { width: 1536, height: 864, device: 'Windows 1920×1080 at 125 % scaling' },
  { width: 1600, height: 900, device: 'HD+' },
  { width: 1680, height: 1050, device: 'WSXGA+' },
  { width: 1920, height: 1080, device: 'Full HD' },
  { width: 1920, height: 1200, device: 'WUXGA' },
  { width: 2256, height: 1504, device: 'Surface Laptop / Framework' },
  { width: 2560, height: 1080, device: 'UW-FHD' },
  { width: 2560, height: 1440, device: 'QHD' },
  { width: 2560, height: 1600, device: 'WQXGA / MacBook Pro 13"' },
  { width: 2560, height: 1664, device: 'MacBook Air 13" (M2/M3)' },
  { width: 2736, height: 1824, device: 'Surface Pro' },
  { width: 2880, height: 1800, device: 'MacBook Pro 15"' },
  { width: 2880, height: 1864, device: 'MacBook Air 15"' },
  { width: 3024, height: 1964, device: 'MacBook Pro 14"' },
  { width: 3440, height: 1440, device: 'UW-QHD' },
  { width: 3456, height: 2234, device: 'MacBook Pro 16"' },
  { width: 3840, height: 2160, device: '4K UHD' },
  { width: 5120, height: 2880, device: '5K (iMac 27", Studio Display)' },
];

/** The class of a screen size: phones and tablets are matched portrait-first, desktops landscape-first. */
export type ScreenKind = 'phone' | 'tablet' | 'desktop';

/**
 * The screen an image's size matches exactly, in either orientation.
 * @example matchScreenSize(2532, 1170)?.device // 'iPhone 12/13/14'
 */
export function matchScreenSize(
  width: number,
  height: number,
): { readonly width: number; readonly height: number; readonly device: string; readonly kind: ScreenKind } | undefined {
  let index = SCREEN_SIZES.findIndex((s) => s.width === width && s.height === height);
  if (index < 0) index = SCREEN_SIZES.findIndex((s) => s.width === height && s.height === width);
  if (index < 0) return undefined;
  const size = SCREEN_SIZES[index]!;
  const kind: ScreenKind =
    size.width > size.height
      ? 'desktop'
      : size.device.includes('iPad') || size.device.includes('tablet')
        ? 'tablet'
        : 'phone';
  return { ...size, kind };
}
