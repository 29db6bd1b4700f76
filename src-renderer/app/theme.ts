import { Alert, createTheme, defaultVariantColorsResolver, Modal, Notification, parseThemeColor, type MantineColorsTuple, type VariantColorsResolver } from '@mantine/core';

/**
 * Colours at WCAG AA contrast (4.5:1 for text), checked by axe-core on every screen in the end-to-end tests
 * (issue 14 §9). Mantine's default teal and orange are too light for white text at their darkest shade, so the
 * darkest shade of each is deepened; the "light" variant (badges, light buttons, the active menu entry) writes its
 * text in shade 9, darkened until it reads at AA on shade 0.
 */
const teal: MantineColorsTuple = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0ca678', '#087f5b', '#06664a'];
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#f76707', '#d9480f', '#b8400b'];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** `hex` darkened step by step until it reads at 4.6:1 on `background` (a margin over AA's 4.5). */
function readableOn(hex: string, background: string): string {
  let current = hex;
  for (let factor = 1; contrast(current, background) < 4.6 && factor > 0.2; factor -= 0.05) {
    current = `#${[1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * factor).toString(16).padStart(2, '0')).join('')}`;
  }
  return current;
}

const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return base;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color || !input.theme.colors[parsed.color]) return base;
  const shades = input.theme.colors[parsed.color]!;
  return { ...base, background: shades[0], hover: shades[1], color: readableOn(shades[9], shades[0]) };
};

export const theme = createTheme({
  colors: { teal, orange },
  primaryColor: 'teal',
  primaryShade: 9,
  variantColorResolver,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, sans-serif',
  headings: { fontWeight: '650' },
  // Icon-only close buttons get a name screen readers say (axe: button-name).
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Fermer la notification' } } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Fermer' } }),
  },
});
