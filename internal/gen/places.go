package gen

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/briefingatlas/atlas/internal/model"
)

// country is a country the generated stories talk about. The table is plain
// geographic fact written for this package: capital, ISO code, the name and
// adjective a reporter would use, and where the capital lies.
type country struct {
	Code, Name, Adjective, Capital string
	Lat, Lon                       float64
	Cities                         []city // other well-known cities, for variety
}

type city struct {
	Name     string
	Lat, Lon float64
}

// countries are chosen so that every name is common enough to be in any
// gazetteer built from GeoNames cities and Natural Earth countries.
var countries = []country{
	{"US", "the United States", "American", "Washington", 38.895, -77.036, []city{{"New York", 40.713, -74.006}, {"Chicago", 41.878, -87.630}}},
	{"RU", "Russia", "Russian", "Moscow", 55.756, 37.617, []city{{"Saint Petersburg", 59.939, 30.316}, {"Sochi", 43.600, 39.730}}},
	{"GB", "Britain", "British", "London", 51.507, -0.128, []city{{"Manchester", 53.481, -2.242}}},
	{"FR", "France", "French", "Paris", 48.857, 2.352, []city{{"Marseille", 43.297, 5.381}, {"Lyon", 45.764, 4.836}}},
	{"DE", "Germany", "German", "Berlin", 52.520, 13.405, []city{{"Munich", 48.137, 11.575}, {"Hamburg", 53.551, 9.994}}},
	{"CH", "Switzerland", "Swiss", "Bern", 46.948, 7.447, []city{{"Geneva", 46.204, 6.143}, {"Zurich", 47.377, 8.541}}},
	{"AT", "Austria", "Austrian", "Vienna", 48.208, 16.373, nil},
	{"IT", "Italy", "Italian", "Rome", 41.903, 12.496, []city{{"Milan", 45.464, 9.190}}},
	{"ES", "Spain", "Spanish", "Madrid", 40.417, -3.704, []city{{"Barcelona", 41.385, 2.173}}},
	{"PL", "Poland", "Polish", "Warsaw", 52.230, 21.012, []city{{"Krakow", 50.065, 19.945}}},
	{"UA", "Ukraine", "Ukrainian", "Kyiv", 50.450, 30.523, []city{{"Kharkiv", 49.994, 36.230}, {"Odesa", 46.482, 30.723}}},
	{"TR", "Turkey", "Turkish", "Ankara", 39.933, 32.860, []city{{"Istanbul", 41.008, 28.978}}},
	{"SY", "Syria", "Syrian", "Damascus", 33.513, 36.292, []city{{"Aleppo", 36.202, 37.134}, {"Homs", 34.733, 36.717}}},
	{"JO", "Jordan", "Jordanian", "Amman", 31.956, 35.945, nil},
	{"LB", "Lebanon", "Lebanese", "Beirut", 33.894, 35.502, nil},
	{"IQ", "Iraq", "Iraqi", "Baghdad", 33.315, 44.366, []city{{"Basra", 30.508, 47.783}, {"Mosul", 36.340, 43.130}}},
	{"IR", "Iran", "Iranian", "Tehran", 35.689, 51.389, []city{{"Isfahan", 32.652, 51.668}}},
	{"EG", "Egypt", "Egyptian", "Cairo", 30.044, 31.236, []city{{"Alexandria", 31.200, 29.919}}},
	{"SA", "Saudi Arabia", "Saudi", "Riyadh", 24.713, 46.675, []city{{"Jeddah", 21.485, 39.193}}},
	{"QA", "Qatar", "Qatari", "Doha", 25.285, 51.531, nil},
	{"IL", "Israel", "Israeli", "Jerusalem", 31.769, 35.216, nil},
	{"CN", "China", "Chinese", "Beijing", 39.904, 116.407, []city{{"Shanghai", 31.230, 121.474}}},
	{"JP", "Japan", "Japanese", "Tokyo", 35.690, 139.692, []city{{"Osaka", 34.694, 135.502}}},
	{"KR", "South Korea", "South Korean", "Seoul", 37.567, 126.978, nil},
	{"IN", "India", "Indian", "New Delhi", 28.614, 77.209, []city{{"Mumbai", 19.076, 72.878}}},
	{"PK", "Pakistan", "Pakistani", "Islamabad", 33.684, 73.048, []city{{"Karachi", 24.861, 67.010}}},
	{"AF", "Afghanistan", "Afghan", "Kabul", 34.555, 69.207, nil},
	{"KZ", "Kazakhstan", "Kazakh", "Astana", 51.169, 71.449, []city{{"Almaty", 43.222, 76.851}}},
	{"NG", "Nigeria", "Nigerian", "Abuja", 9.076, 7.399, []city{{"Lagos", 6.524, 3.379}}},
	{"KE", "Kenya", "Kenyan", "Nairobi", -1.292, 36.822, nil},
	{"ET", "Ethiopia", "Ethiopian", "Addis Ababa", 9.030, 38.740, nil},
	{"ZA", "South Africa", "South African", "Pretoria", -25.747, 28.229, []city{{"Johannesburg", -26.204, 28.047}}},
	{"BR", "Brazil", "Brazilian", "Brasilia", -15.794, -47.882, []city{{"Sao Paulo", -23.551, -46.633}}},
	{"AR", "Argentina", "Argentine", "Buenos Aires", -34.604, -58.382, nil},
	{"MX", "Mexico", "Mexican", "Mexico City", 19.433, -99.133, nil},
	{"CA", "Canada", "Canadian", "Ottawa", 45.421, -75.697, []city{{"Toronto", 43.653, -79.383}}},
	{"AU", "Australia", "Australian", "Canberra", -35.281, 149.129, []city{{"Sydney", -33.869, 151.209}}},
	{"NO", "Norway", "Norwegian", "Oslo", 59.914, 10.752, nil},
	{"SE", "Sweden", "Swedish", "Stockholm", 59.329, 18.069, nil},
	{"FI", "Finland", "Finnish", "Helsinki", 60.170, 24.938, nil},
	{"BE", "Belgium", "Belgian", "Brussels", 50.850, 4.352, nil},
	{"NL", "the Netherlands", "Dutch", "Amsterdam", 52.370, 4.895, []city{{"The Hague", 52.070, 4.300}}},
	{"GR", "Greece", "Greek", "Athens", 37.984, 23.728, nil},
	{"RS", "Serbia", "Serbian", "Belgrade", 44.787, 20.449, nil},
	{"GE", "Georgia", "Georgian", "Tbilisi", 41.716, 44.783, nil},
	{"AZ", "Azerbaijan", "Azerbaijani", "Baku", 40.409, 49.867, nil},
	{"AM", "Armenia", "Armenian", "Yerevan", 40.179, 44.499, nil},
	{"YE", "Yemen", "Yemeni", "Sanaa", 15.369, 44.191, []city{{"Aden", 12.786, 45.018}}},
	{"LY", "Libya", "Libyan", "Tripoli", 32.887, 13.191, []city{{"Benghazi", 32.119, 20.087}}},
	{"SD", "Sudan", "Sudanese", "Khartoum", 15.501, 32.560, nil},
	{"VE", "Venezuela", "Venezuelan", "Caracas", 10.481, -66.904, nil},
	{"CO", "Colombia", "Colombian", "Bogota", 4.711, -74.072, nil},
	{"ID", "Indonesia", "Indonesian", "Jakarta", -6.209, 106.846, nil},
	{"VN", "Vietnam", "Vietnamese", "Hanoi", 21.028, 105.834, nil},
	{"TH", "Thailand", "Thai", "Bangkok", 13.756, 100.502, nil},
	{"PH", "the Philippines", "Philippine", "Manila", 14.600, 120.984, nil},
	{"MA", "Morocco", "Moroccan", "Rabat", 34.021, -6.841, nil},
	{"DZ", "Algeria", "Algerian", "Algiers", 36.754, 3.059, nil},
	{"TN", "Tunisia", "Tunisian", "Tunis", 36.806, 10.182, nil},
	{"AE", "the United Arab Emirates", "Emirati", "Abu Dhabi", 24.454, 54.377, []city{{"Dubai", 25.205, 55.271}}},
}

// Cities returns the built-in places that generated articles name: every
// capital and well-known city of the built-in country table. Keys are
// "gen:" plus a slug, because these rows are not gazetteer entries; the
// extractor resolves the names against its own gazetteer.
func Cities() []model.Place {
	var out []model.Place
	for _, c := range countries {
		out = append(out, model.Place{Key: "gen:" + slug(c.Capital), Name: c.Capital, Country: c.Code,
			Lat: c.Lat, Lon: c.Lon, Feature: "PPLC", Population: 1_000_000})
		for _, ci := range c.Cities {
			out = append(out, model.Place{Key: "gen:" + slug(ci.Name), Name: ci.Name, Country: c.Code,
				Lat: ci.Lat, Lon: ci.Lon, Feature: "PPL", Population: 500_000})
		}
	}
	return out
}

func slug(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			if len(b) > 0 && b[len(b)-1] != '-' {
				b = append(b, '-')
			}
		}
	}
	return string(b)
}

// Places returns n places for a synthetic store: the given pool first (for
// example the gazetteer's cities), then made-up towns scattered around the
// pool's places until there are n. The made-up names are built from
// syllables so that they cannot collide with real text; their keys are
// "gen:t<number>". The result depends only on seed, n and the pool.
func Places(seed uint64, n int, pool []model.Place) []model.Place {
	if len(pool) == 0 {
		pool = Cities()
	}
	out := make([]model.Place, 0, n)
	for i := 0; i < len(pool) && len(out) < n; i++ {
		out = append(out, pool[i])
	}
	base := out
	if len(base) == 0 {
		return out
	}
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	for i := 0; len(out) < n; i++ {
		b := base[r.IntN(len(base))]
		// Towns cluster around their anchor like real settlements do; the
		// spread (up to ~3°) keeps clusters visible at regional zoom.
		dist := 3 * math.Pow(r.Float64(), 1.5)
		ang := r.Float64() * 2 * math.Pi
		lat := clamp(b.Lat+dist*math.Sin(ang), -80, 80)
		lon := b.Lon + dist*math.Cos(ang)/math.Max(0.2, math.Cos(b.Lat*math.Pi/180))
		if lon > 180 {
			lon -= 360
		} else if lon < -180 {
			lon += 360
		}
		out = append(out, model.Place{
			Key:        fmt.Sprintf("gen:t%d", i),
			Name:       townName(r),
			Country:    b.Country,
			Lat:        math.Round(lat*1e5) / 1e5,
			Lon:        math.Round(lon*1e5) / 1e5,
			Feature:    "PPL",
			Population: int64(1000 + r.IntN(200_000)),
		})
	}
	return out
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

var (
	syllA = []string{"Ka", "Vel", "Mor", "Tas", "Bri", "Lun", "Or", "Dra", "Sel", "Fen", "Ar", "Qu", "Zel", "Nor", "Pra", "Hal", "Mi", "Tor", "Ves", "Cal"}
	syllB = []string{"ra", "vo", "des", "li", "man", "ko", "sa", "tre", "nel", "bu", "ga", "rin", "to", "sha", "mo", "ve", "la", "dun", "pe", "ski"}
	syllC = []string{"n", "sk", "via", "ton", "grad", "ford", "heim", "abad", "pur", "ville", "ia", "mar", "lek", "dor", "ova", "stan", "ek", "is", "ano", "burg"}
)

func townName(r *rand.Rand) string {
	s := syllA[r.IntN(len(syllA))] + syllB[r.IntN(len(syllB))]
	if r.IntN(3) > 0 {
		s += syllC[r.IntN(len(syllC))]
	}
	return s
}
