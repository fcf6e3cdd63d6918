package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// This file keeps the reader's drafts for the live server: the edits of
// the listings of a chapter (the exercise's stub above all), so that they
// survive a new browser, not just a reload (the page keeps them in
// localStorage too). They live in .course-drafts/SLUG/ at the root of the
// repository, a directory git ignores, one file per listing: the
// listing's file, as its bare name ("exercise.go", "sleepers.py"), then
// "@FIRST-LAST" when the listing shows only those lines of it. A draft
// holds the listing's text as the reader left it, so that the exercise's
// draft is a Go file a learner can open. Nothing tracked is ever written.
//
//	GET    /api/draft?chapter=SLUG            {"drafts": {KEY: {"text": ..., "saved": MS}}}
//	PUT    /api/draft?chapter=SLUG&key=KEY    the text, as the body: 204
//	DELETE /api/draft?chapter=SLUG&key=KEY    204

// draftsDir is the directory of the drafts, at the repository root.
const draftsDir = ".course-drafts"

// draftKey matches a draft's key: a bare file name, and lines.
var draftKey = regexp.MustCompile(`^([^/\\@]+)(@[0-9]+-[0-9]+)?$`)

// A draft is a listing as the reader left it.
type draft struct {
	Text  string `json:"text"`
	Saved int64  `json:"saved"` // when, in milliseconds since 1970
}

// serveDraft answers /api/draft for the runner's chapters.
func (rn *runner) serveDraft(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	c, ch := rn.chapter(w, q.Get("chapter"))
	if ch == nil {
		return
	}
	dir := filepath.Join(c.root, draftsDir, ch.Slug)
	if r.Method == http.MethodGet {
		drafts, err := readDrafts(dir)
		if err != nil {
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"drafts": drafts})
		return
	}
	if r.Method != http.MethodPut && r.Method != http.MethodDelete {
		w.Header().Set("Allow", "GET, PUT, DELETE")
		writeError(w, http.StatusMethodNotAllowed, "use GET, PUT or DELETE on drafts")
		return
	}
	key := q.Get("key")
	m := draftKey.FindStringSubmatch(key)
	if m == nil {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("key %q is not FILE or FILE@FIRST-LAST", key))
		return
	}
	if _, err := chapterFile(ch, m[1]); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	name := filepath.Join(dir, key)
	if r.Method == http.MethodDelete {
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		writeError(w, http.StatusRequestEntityTooLarge, "the draft is over "+byteSize(maxRequestBody))
		return
	}
	if err == nil {
		err = writeDraft(name, body)
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// readDrafts returns the drafts in dir, by key. A missing dir holds none.
func readDrafts(dir string) (map[string]draft, error) {
	drafts := make(map[string]draft)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return drafts, nil
	}
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !draftKey.MatchString(e.Name()) || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		fi, err := e.Info()
		if err != nil {
			return nil, err
		}
		drafts[e.Name()] = draft{Text: string(b), Saved: fi.ModTime().UnixMilli()}
	}
	return drafts, nil
}

// writeDraft writes a draft to name through a temporary file, so that a
// reader of the drafts never sees half of one.
func writeDraft(name string, text []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".draft-")
	if err != nil {
		return err
	}
	_, err = f.Write(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}
