// Command icongen draws the app icon, assets/icon.png: a rounded blue
// square with a timeline (axis, three event dots with cards) and a map pin.
// Shapes are tested point by point with 4×4 supersampling, which keeps the
// generator short and its edges smooth. Run from the repository root:
//
//	go run ./tools/icongen
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"github.com/briefingatlas/atlas/internal/palette"
)

func main() {
	out := flag.String("o", "assets/icon.png", "output PNG")
	size := flag.Int("size", 512, "width and height in pixels")
	flag.Parse()
	if err := write(*out, render(*size)); err != nil {
		fmt.Fprintln(os.Stderr, "icongen:", err)
		os.Exit(1)
	}
}

func write(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	return f.Close()
}

// inside reports whether a point (unit coordinates, 0..1) is in a shape.
type inside func(x, y float64) bool

func roundRect(x0, y0, x1, y1, r float64) inside {
	return func(x, y float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		cx := math.Max(x0+r, math.Min(x1-r, x))
		cy := math.Max(y0+r, math.Min(y1-r, y))
		return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
	}
}

func disc(cx, cy, r float64) inside {
	return func(x, y float64) bool { return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r }
}

// pin is a map pin: a disc whose tangents meet in a point below it.
func pin(cx, cy, r, tipY float64) inside {
	d := tipY - cy
	half := math.Asin(r / d) // half-angle of the cone at the tip
	return func(x, y float64) bool {
		if disc(cx, cy, r)(x, y) {
			return true
		}
		// Inside the cone from the tip up to the tangent points, r²/d below the centre.
		if y > tipY || y < cy+r*r/d {
			return false
		}
		return math.Atan2(math.Abs(x-cx), tipY-y) <= half
	}
}

type layer struct {
	in inside
	c  color.NRGBA
}

func render(n int) *image.NRGBA {
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	layers := []layer{
		{roundRect(0.04, 0.04, 0.96, 0.96, 0.2), color.NRGBA{0x1b, 0x4f, 0x8c, 0xff}},
		{roundRect(0.255, 0.15, 0.295, 0.85, 0.02), color.NRGBA{0xd6, 0xe6, 0xf7, 0xff}},
	}
	for _, d := range []struct {
		y, l float64
		c    color.NRGBA
	}{
		// The dots wear the app's kind colours, so that the icon matches
		// the timeline; the green is a lighter one than BluishGreen.
		{0.27, 0.2, palette.Orange},
		{0.5, 0.13, palette.SkyBlue},
		{0.73, 0.23, color.NRGBA{0x00, 0xc0, 0x8b, 0xff}},
	} {
		layers = append(layers,
			layer{disc(0.275, d.y, 0.064), white},
			layer{disc(0.275, d.y, 0.044), d.c},
			layer{roundRect(0.37, d.y-0.03, 0.37+d.l, d.y+0.03, 0.03), color.NRGBA{0xff, 0xff, 0xff, 0xd0}},
		)
	}
	layers = append(layers,
		layer{pin(0.735, 0.42, 0.145, 0.8), color.NRGBA{0xff, 0x6b, 0x4a, 0xff}},
		layer{disc(0.735, 0.42, 0.06), white},
	)

	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	const ss = 4
	for py := 0; py < n; py++ {
		for px := 0; px < n; px++ {
			var r, g, b, a float64 // premultiplied, 0..1
			for _, l := range layers {
				hits := 0
				for sy := 0; sy < ss; sy++ {
					for sx := 0; sx < ss; sx++ {
						x := (float64(px) + (float64(sx)+0.5)/ss) / float64(n)
						y := (float64(py) + (float64(sy)+0.5)/ss) / float64(n)
						if l.in(x, y) {
							hits++
						}
					}
				}
				if hits == 0 {
					continue
				}
				ca := float64(l.c.A) / 255 * float64(hits) / (ss * ss)
				r = float64(l.c.R)/255*ca + r*(1-ca)
				g = float64(l.c.G)/255*ca + g*(1-ca)
				b = float64(l.c.B)/255*ca + b*(1-ca)
				a = ca + a*(1-ca)
			}
			if a > 0 {
				img.SetNRGBA(px, py, color.NRGBA{uint8(r / a * 255), uint8(g / a * 255), uint8(b / a * 255), uint8(a * 255)})
			}
		}
	}
	return img
}
