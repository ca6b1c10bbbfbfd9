package geo

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Typeface selects one of the embedded Go fonts, so that map labels look the
// same in the app, in tests and in exported figures, whatever is installed.
type Typeface int

// The typefaces labels use.
const (
	Regular Typeface = iota
	Bold
)

var (
	fontsOnce sync.Once
	fonts     [2]*opentype.Font
	fontsErr  error
)

func loadFonts() error {
	fontsOnce.Do(func() {
		for i, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
			f, err := opentype.Parse(ttf)
			if err != nil {
				fontsErr = fmt.Errorf("parse Go font: %w", err)
				return
			}
			fonts[i] = f
		}
	})
	return fontsErr
}

// faces caches font faces by typeface and pixel size. opentype faces are
// not safe for concurrent use, hence the lock around every use.
type faces struct {
	mu sync.Mutex
	m  map[faceKey]font.Face
}

type faceKey struct {
	tf   Typeface
	size float64
}

var sharedFaces = &faces{m: map[faceKey]font.Face{}}

// face returns a face of size device pixels; the caller holds f.mu.
func (f *faces) face(tf Typeface, size float64) (font.Face, error) {
	if err := loadFonts(); err != nil {
		return nil, err
	}
	size = math.Round(size*4) / 4 // keep the cache small across zoom steps
	k := faceKey{tf, size}
	if fc := f.m[k]; fc != nil {
		return fc, nil
	}
	fc, err := opentype.NewFace(fonts[tf], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("font face %v: %w", size, err)
	}
	f.m[k] = fc
	return fc, nil
}

// TextSize returns the width and height (ascent plus descent) of s set in
// tf at size logical pixels.
func TextSize(s string, tf Typeface, size float64) (w, h float64) {
	sharedFaces.mu.Lock()
	defer sharedFaces.mu.Unlock()
	fc, err := sharedFaces.face(tf, size)
	if err != nil {
		return float64(len(s)) * size * 0.6, size
	}
	m := fc.Metrics()
	return fix(font.MeasureString(fc, s)), fix(m.Ascent + m.Descent)
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// DrawText draws s with its top-left corner at x, y (logical pixels of a
// view at scale), in colour c with a halo of colour halo so that it stays
// legible over borders and coasts. A zero halo draws none. Labels are
// rendered once into cached sprites, since the same names are drawn at
// every frame while the user pans.
func DrawText(img *image.RGBA, s string, tf Typeface, size, x, y, scale float64, c, halo color.RGBA) error {
	sp, err := sprites.get(spriteKey{s, tf, size * scale, c, halo})
	if err != nil {
		return err
	}
	px := int(math.Round(x*scale)) - sp.pad
	py := int(math.Round(y*scale)) - sp.pad
	r := sp.img.Bounds().Add(image.Pt(px, py))
	draw.Draw(img, r, sp.img, image.Point{}, draw.Over)
	return nil
}

type spriteKey struct {
	text    string
	tf      Typeface
	size    float64 // device pixels
	c, halo color.RGBA
}

type sprite struct {
	img *image.RGBA
	pad int // halo margin around the text box
}

// spriteCache holds rendered labels; it is emptied when it grows past a few
// thousand entries rather than tracking use, which is plenty for a map.
type spriteCache struct {
	mu sync.Mutex
	m  map[spriteKey]*sprite
}

var sprites = &spriteCache{m: map[spriteKey]*sprite{}}

func (sc *spriteCache) get(k spriteKey) (*sprite, error) {
	sc.mu.Lock()
	sp := sc.m[k]
	sc.mu.Unlock()
	if sp != nil {
		return sp, nil
	}
	sharedFaces.mu.Lock()
	defer sharedFaces.mu.Unlock()
	fc, err := sharedFaces.face(k.tf, k.size)
	if err != nil {
		return nil, err
	}
	m := fc.Metrics()
	asc := fix(m.Ascent)
	w := int(math.Ceil(fix(font.MeasureString(fc, k.text))))
	h := int(math.Ceil(fix(m.Ascent + m.Descent)))
	r := math.Max(1, 1.4*k.size/CityLabelSize)
	pad := int(math.Ceil(r)) + 1
	img := image.NewRGBA(image.Rect(0, 0, w+2*pad, h+2*pad))
	d := font.Drawer{Dst: img, Face: fc}
	bx, by := float64(pad), float64(pad)+asc
	if k.halo.A > 0 {
		d.Src = image.NewUniform(k.halo)
		for i := 0; i < 12; i++ {
			a := float64(i) * math.Pi / 6
			d.Dot = fixed.Point26_6{X: fixed.Int26_6((bx + r*math.Cos(a)) * 64), Y: fixed.Int26_6((by + r*math.Sin(a)) * 64)}
			d.DrawString(k.text)
		}
	}
	d.Src = image.NewUniform(k.c)
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(bx * 64), Y: fixed.Int26_6(by * 64)}
	d.DrawString(k.text)
	sp = &sprite{img: img, pad: pad}
	sc.mu.Lock()
	if len(sc.m) > 4000 {
		sc.m = map[spriteKey]*sprite{}
	}
	sc.m[k] = sp
	sc.mu.Unlock()
	return sp, nil
}
