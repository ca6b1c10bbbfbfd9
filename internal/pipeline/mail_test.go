package pipeline

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMailWithAttachments imports a mail whose attachments are articles
// of their own: the message and its text attachment are stored, a second
// import changes nothing, and an attachment that cannot be read is named
// among the failures without losing the others.
func TestMailWithAttachments(t *testing.T) {
	st, storePath := seededStore(t)
	dir := filepath.Join(filepath.Dir(storePath), "mail")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	note := "Field report\n\nBERGEN - Fishermen blocked the harbour of Bergen on Tuesday in a protest over quotas.\n"
	broken := base64.StdEncoding.EncodeToString([]byte("%PDF-1.4 truncated"))
	mail := strings.Join([]string{
		"From: desk@example.org",
		"To: analyst@example.org",
		"Subject: Harbour blockade",
		"Date: Wed, 9 Mar 2022 08:15:00 +0100",
		"MIME-Version: 1.0",
		`Content-Type: multipart/mixed; boundary="b1"`,
		"",
		"--b1",
		"Content-Type: text/plain; charset=utf-8",
		"",
		"OSLO - Ministers met in Oslo on Monday to discuss fishing quotas, officials said.",
		"--b1",
		`Content-Type: text/plain; charset=utf-8; name="report.txt"`,
		`Content-Disposition: attachment; filename="report.txt"`,
		"",
		note,
		"--b1",
		`Content-Type: application/pdf; name="scan.pdf"`,
		"Content-Transfer-Encoding: base64",
		`Content-Disposition: attachment; filename="scan.pdf"`,
		"",
		broken,
		"--b1--",
		"",
	}, "\r\n")
	path := filepath.Join(dir, "blockade.eml")
	if err := os.WriteFile(path, []byte(mail), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := Import(context.Background(), st, nil, []string{dir}, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, a := range list {
		paths = append(paths, filepath.Base(a.Path))
	}
	if len(list) != 3 || !strings.Contains(strings.Join(paths, " "), "blockade.eml#report.txt") {
		t.Fatalf("stored %v, want the seed, the mail and its text attachment", paths)
	}
	if len(sum.Failed) != 1 || !strings.Contains(sum.Failed[0].Reason, "scan.pdf") {
		t.Errorf("failures %+v, want the unreadable scan.pdf named", sum.Failed)
	}
	again, err := Import(context.Background(), st, nil, []string{dir}, Options{}, nil)
	if err != nil || again.Imported != 0 {
		t.Errorf("second import: %+v %v, want nothing new", again, err)
	}
	checkIntact(t, st, 3)
}
