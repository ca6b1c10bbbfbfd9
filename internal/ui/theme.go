package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Colour names the app adds to Fyne's theme, so that highlighted words and
// cards follow light and dark mode like every other colour.
const (
	ColorNameTime  fyne.ThemeColorName = "atlasTime"
	ColorNamePlace fyne.ThemeColorName = "atlasPlace"
	ColorNameActor fyne.ThemeColorName = "atlasActor"
	ColorNameCard  fyne.ThemeColorName = "atlasCard"
	ColorNameAxis  fyne.ThemeColorName = "atlasAxis"
	ColorNameMuted fyne.ThemeColorName = "atlasMuted"
)

// ThemeMode is the user's theme choice: follow the system, or force one.
type ThemeMode string

// The theme choices offered in the View menu.
const (
	ThemeSystem ThemeMode = "system"
	ThemeLight  ThemeMode = "light"
	ThemeDark   ThemeMode = "dark"
)

// Theme is Fyne's default theme with the app's extra colours and an optional
// forced variant.
type Theme struct {
	Mode ThemeMode
}

var _ fyne.Theme = (*Theme)(nil)

func (t *Theme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.Mode {
	case ThemeLight:
		return theme.VariantLight
	case ThemeDark:
		return theme.VariantDark
	}
	if v != theme.VariantDark {
		// Fyne's test driver reports a variant that is neither; read it as light.
		return theme.VariantLight
	}
	return v
}

// Color implements fyne.Theme.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	dark := v == theme.VariantDark
	pick := func(light, darkc color.NRGBA) color.Color {
		if dark {
			return darkc
		}
		return light
	}
	switch n {
	case ColorNameTime:
		return pick(color.NRGBA{0x00, 0x5f, 0xa3, 0xff}, color.NRGBA{0x7c, 0xc4, 0xf5, 0xff})
	case ColorNamePlace:
		return pick(color.NRGBA{0x00, 0x7a, 0x5a, 0xff}, color.NRGBA{0x4f, 0xd8, 0xae, 0xff})
	case ColorNameActor:
		return pick(color.NRGBA{0xb3, 0x47, 0x00, 0xff}, color.NRGBA{0xf5, 0xa6, 0x5b, 0xff})
	case ColorNameCard:
		return pick(color.NRGBA{0xff, 0xff, 0xff, 0xff}, color.NRGBA{0x2c, 0x2e, 0x33, 0xff})
	case ColorNameAxis:
		return pick(color.NRGBA{0x8a, 0x8f, 0x98, 0xff}, color.NRGBA{0x70, 0x75, 0x80, 0xff})
	case ColorNameMuted:
		return pick(color.NRGBA{0x5f, 0x64, 0x6d, 0xff}, color.NRGBA{0xa6, 0xab, 0xb4, 0xff})
	case theme.ColorNameBackground:
		return pick(color.NRGBA{0xf3, 0xf4, 0xf6, 0xff}, color.NRGBA{0x1c, 0x1d, 0x21, 0xff})
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font implements fyne.Theme.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon implements fyne.Theme.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size implements fyne.Theme.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// themeColor reads a colour of the current app theme for widgets that draw
// their own canvas objects.
func themeColor(n fyne.ThemeColorName) color.Color {
	app := fyne.CurrentApp()
	if app == nil {
		return theme.DefaultTheme().Color(n, theme.VariantLight)
	}
	return app.Settings().Theme().Color(n, app.Settings().ThemeVariant())
}

// withAlpha scales a colour's opacity, for dimmed events and soft fills.
// RGBA is premultiplied, so the colour is read unpremultiplied first: a
// colour already faded would otherwise darken each time it is faded again.
func withAlpha(c color.Color, a float64) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(float64(n.A) * a)
	return n
}
