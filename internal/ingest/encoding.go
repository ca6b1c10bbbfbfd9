package ingest

import (
	"fmt"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeUTF16 decodes UTF-16 text that starts with a byte-order mark.
func decodeUTF16(raw []byte) (string, error) {
	if len(raw)%2 != 0 {
		return "", fmt.Errorf("%w: UTF-16 text with an odd number of bytes", ErrEncoding)
	}
	dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	out, err := dec.Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("%w: bad UTF-16: %v", ErrEncoding, err)
	}
	return string(out), nil
}

// decodeCP1252 decodes Windows-1252 (the "smart quotes" encoding of old
// Windows tools). Its five unassigned bytes mean the text is something else.
func decodeCP1252(raw []byte) (string, error) {
	for i, b := range raw {
		switch b {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return "", fmt.Errorf("%w (byte 0x%02X at offset %d is invalid in both)", ErrEncoding, b, i)
		}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return string(out), nil
}
