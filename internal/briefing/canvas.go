package briefing

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sync"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Figures are laid out once, in millimetres from their top-left corner, and
// painted twice: as PDF vectors (crisp at any zoom) and as PNG for the
// Markdown export. canvas is the small set of primitives both need.
type canvas interface {
	rect(x, y, w, h float64, fill color.NRGBA)
	line(x1, y1, x2, y2, width float64, c color.NRGBA)
	// circle fills a disc and rings it with stroke of the given width.
	circle(cx, cy, r float64, fill, stroke color.NRGBA, width float64)
	// text draws s with its baseline at y, starting at x.
	text(x, y float64, s string, st textStyle, c color.NRGBA)
	textWidth(s string, st textStyle) float64
	image(img image.Image, x, y, w, h float64) error
}

// textStyle is a type size in points and a weight.
type textStyle struct {
	size   float64
	bold   bool
	italic bool
}

const ptToMM = 25.4 / 72

// baselineFor centres a line of text of the given style on y, using the Go
// fonts' cap height (0.7 em) so digits sit optically centred in badges.
func baselineFor(y float64, st textStyle) float64 { return y + 0.35*st.size*ptToMM }

// pdfCanvas paints on an fpdf page with the figure's origin at (x0, y0).
type pdfCanvas struct {
	pdf    *fpdf.Fpdf
	x0, y0 float64
	images int
	prefix string
	pngs   map[image.Image][]byte // encoded images, shared by the layout passes
	runs   *textRuns              // fonts and shaped lines, shared by the canvases of one PDF
}

func (p *pdfCanvas) fill(c color.NRGBA) {
	p.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
	p.pdf.SetAlpha(float64(c.A)/255, "Normal")
}

func (p *pdfCanvas) rect(x, y, w, h float64, fill color.NRGBA) {
	p.fill(fill)
	p.pdf.Rect(p.x0+x, p.y0+y, w, h, "F")
	p.pdf.SetAlpha(1, "Normal")
}

func (p *pdfCanvas) line(x1, y1, x2, y2, width float64, c color.NRGBA) {
	p.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	p.pdf.SetAlpha(float64(c.A)/255, "Normal")
	p.pdf.SetLineWidth(width)
	p.pdf.Line(p.x0+x1, p.y0+y1, p.x0+x2, p.y0+y2)
	p.pdf.SetAlpha(1, "Normal")
}

func (p *pdfCanvas) circle(cx, cy, r float64, fill, stroke color.NRGBA, width float64) {
	p.fill(fill)
	style := "F"
	if width > 0 {
		p.pdf.SetDrawColor(int(stroke.R), int(stroke.G), int(stroke.B))
		p.pdf.SetLineWidth(width)
		style = "FD"
		r -= width / 2 // keep the outer edge where the raster painter puts it
	}
	p.pdf.Circle(p.x0+cx, p.y0+cy, r, style)
	p.pdf.SetAlpha(1, "Normal")
}

func (p *pdfCanvas) setFont(st textStyle) { p.pdf.SetFont(fontFamily, fpdfStyle(st), st.size) }

// textRuns returns the canvas's text layout, made on first use for a
// canvas that was given none.
func (p *pdfCanvas) textRuns() *textRuns {
	if p.runs == nil {
		p.runs = newTextRuns(p.pdf)
	}
	return p.runs
}

func (p *pdfCanvas) text(x, y float64, s string, st textStyle, c color.NRGBA) {
	p.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	p.textRuns().draw(p.x0+x, p.y0+y, s, st)
}

func (p *pdfCanvas) textWidth(s string, st textStyle) float64 {
	return p.textRuns().width(s, st)
}

func (p *pdfCanvas) image(img image.Image, x, y, w, h float64) error {
	p.images++
	name := fmt.Sprintf("%s-img-%d", p.prefix, p.images)
	if p.pngs == nil {
		p.pngs = map[image.Image][]byte{}
	}
	if err := registerPNG(p.pdf, name, img, p.pngs); err != nil {
		return err
	}
	p.pdf.ImageOptions(name, p.x0+x, p.y0+y, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return p.pdf.Error()
}

// rasterCanvas paints into an RGBA image at a given resolution.
type rasterCanvas struct {
	img   *image.RGBA
	scale float64 // pixels per millimetre
}

func newRasterCanvas(wMM, hMM, dpi float64) *rasterCanvas {
	s := dpi / 25.4
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(wMM*s)), int(math.Ceil(hMM*s))))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	return &rasterCanvas{img: img, scale: s}
}

// fillPath rasterises a closed polygon given in millimetres. The rasteriser
// covers only the polygon's bounding box, so many small shapes stay cheap.
func (r *rasterCanvas) fillPath(pts [][2]float64, c color.NRGBA) {
	if len(pts) < 3 || c.A == 0 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, minY = math.Min(minX, p[0]*r.scale), math.Min(minY, p[1]*r.scale)
		maxX, maxY = math.Max(maxX, p[0]*r.scale), math.Max(maxY, p[1]*r.scale)
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1)
	clip := box.Intersect(r.img.Bounds())
	if clip.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	for i, p := range pts {
		x, y := float32(p[0]*r.scale-float64(box.Min.X)), float32(p[1]*r.scale-float64(box.Min.Y))
		if i == 0 {
			z.MoveTo(x, y)
		} else {
			z.LineTo(x, y)
		}
	}
	z.ClosePath()
	// Draw into a box-sized scratch image, then composite the clipped part:
	// the rasteriser does not clip to its destination on its own.
	scratch := image.NewRGBA(image.Rect(0, 0, box.Dx(), box.Dy()))
	z.Draw(scratch, scratch.Bounds(), image.NewUniform(c), image.Point{})
	draw.Draw(r.img, clip, scratch, clip.Min.Sub(box.Min), draw.Over)
}

func (r *rasterCanvas) rect(x, y, w, h float64, fill color.NRGBA) {
	r.fillPath([][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, fill)
}

func (r *rasterCanvas) line(x1, y1, x2, y2, width float64, c color.NRGBA) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	// At least one pixel wide, so hairlines do not vanish at screen resolution.
	hw := math.Max(width, 1/r.scale) / 2
	nx, ny := -dy/l*hw, dx/l*hw
	r.fillPath([][2]float64{{x1 + nx, y1 + ny}, {x2 + nx, y2 + ny}, {x2 - nx, y2 - ny}, {x1 - nx, y1 - ny}}, c)
}

func disc(cx, cy, rad float64) [][2]float64 {
	const n = 48
	pts := make([][2]float64, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / n
		pts[i] = [2]float64{cx + rad*math.Cos(a), cy + rad*math.Sin(a)}
	}
	return pts
}

func (r *rasterCanvas) circle(cx, cy, rad float64, fill, stroke color.NRGBA, width float64) {
	if width > 0 {
		r.fillPath(disc(cx, cy, rad), stroke)
		rad -= width
	}
	r.fillPath(disc(cx, cy, rad), fill)
}

var (
	faceMu    sync.Mutex
	faceCache = map[[2]float64]font.Face{}
	parsed    = map[int]*opentype.Font{}
)

// face returns a cached Go font face of the style at the canvas resolution.
func (r *rasterCanvas) face(st textStyle) font.Face {
	faceMu.Lock()
	defer faceMu.Unlock()
	kind := 0
	if st.bold {
		kind |= 1
	}
	if st.italic {
		kind |= 2
	}
	key := [2]float64{float64(kind)*1000 + st.size, r.scale}
	if f, ok := faceCache[key]; ok {
		return f
	}
	fnt := parsed[kind]
	if fnt == nil {
		var err error
		fnt, err = opentype.Parse([][]byte{goregular.TTF, gobold.TTF, goitalic.TTF, gobolditalic.TTF}[kind])
		if err != nil {
			panic(fmt.Sprintf("briefing: embedded Go font does not parse: %v", err)) // a broken build, not a user error
		}
		parsed[kind] = fnt
	}
	f, err := opentype.NewFace(fnt, &opentype.FaceOptions{Size: st.size, DPI: r.scale * 25.4, Hinting: font.HintingNone})
	if err != nil {
		panic(fmt.Sprintf("briefing: Go font face: %v", err))
	}
	faceCache[key] = f
	return f
}

func (r *rasterCanvas) text(x, y float64, s string, st textStyle, c color.NRGBA) {
	d := font.Drawer{Dst: r.img, Src: image.NewUniform(c), Face: r.face(st),
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * r.scale * 64), Y: fixed.Int26_6(y * r.scale * 64)}}
	d.DrawString(s)
}

func (r *rasterCanvas) textWidth(s string, st textStyle) float64 {
	return float64(font.MeasureString(r.face(st), s)) / 64 / r.scale
}

func (r *rasterCanvas) image(img image.Image, x, y, w, h float64) error {
	dst := image.Rect(int(x*r.scale), int(y*r.scale), int((x+w)*r.scale), int((y+h)*r.scale))
	draw.CatmullRom.Scale(r.img, dst, img, img.Bounds(), draw.Over, nil)
	return nil
}
