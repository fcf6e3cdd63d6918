package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// writeReadmes writes each README of readmes (by absolute path), keeping
// its file mode.
func writeReadmes(readmes map[string][]byte) error {
	for _, name := range slices.Sorted(maps.Keys(readmes)) {
		fi, err := os.Stat(name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(name, readmes[name], fi.Mode().Perm()); err != nil {
			return err
		}
	}
	return nil
}

// writeSite writes files into a new directory next to out and then puts it
// in the place of out: rename the old site aside, rename the new one in,
// remove the old one. A reader of out sees the old site or the new one,
// never half of one; if anything fails, out is left as it was.
func writeSite(files map[string][]byte, out string) error {
	if err := checkReplaceable(out); err != nil {
		return err
	}
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // a no-op once tmp has become out
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := writeFiles(tmp, files); err != nil {
		return err
	}
	return swap(tmp, out)
}

// writeFiles writes files, by slash path, under dir.
func writeFiles(dir string, files map[string][]byte) error {
	for _, p := range slices.Sorted(maps.Keys(files)) {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// swap replaces the directory out by tmp.
func swap(tmp, out string) error {
	old := tmp + ".old" // unique, as tmp is
	_, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(tmp, out)
	case err != nil:
		return err
	}
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return fmt.Errorf("%w; and putting the old site back: %w (it is in %s)", err, rerr, old)
		}
		return err
	}
	return os.RemoveAll(old)
}

// checkReplaceable refuses to replace a directory that is not a generated
// site, so that a mistyped -out cannot delete a source directory.
func checkReplaceable(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, "search-index.js")); err != nil {
		return fmt.Errorf("%s does not look like a generated site (no search-index.js); not replacing it", out)
	}
	return nil
}

// diffFiles returns the sorted paths at which a and b differ.
func diffFiles(a, b map[string][]byte) []string {
	var diff []string
	for p, x := range a {
		if y, ok := b[p]; !ok || !bytes.Equal(x, y) {
			diff = append(diff, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			diff = append(diff, p)
		}
	}
	slices.Sort(diff)
	return diff
}

// readTree reads every file under dir, by slash path. A missing dir reads
// as empty.
func readTree(dir string) (map[string][]byte, error) {
	files := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return fs.SkipAll
		}
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	return files, err
}
