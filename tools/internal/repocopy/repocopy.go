// Package repocopy copies the course repository: the files a commit would
// hold, without .git and without what .gitignore ignores. The student
// edition is made from such a copy, and the tests of the teacher's kit run
// the make targets on one, so the repository itself is never touched.
package repocopy

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Files returns the files of the repository at root, as slash-separated
// paths relative to root, sorted. In a git checkout they are the tracked
// files that exist and the untracked files that are not ignored
// (git ls-files --cached --others --exclude-standard); elsewhere, every file
// outside .git directories.
func Files(root string) ([]string, error) {
	if _, err := os.Stat(filepath.Join(root, ".git")); err == nil {
		if files, err := gitFiles(root); err == nil {
			return files, nil
		}
	}
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list the files of %s: %w", root, err)
	}
	slices.Sort(files)
	return files, nil
}

// gitFiles lists the files of the git checkout at root.
func gitFiles(root string) ([]string, error) {
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-files in %s: %w: %s", root, err, strings.TrimSpace(stderr.String()))
	}
	var files []string
	for f := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if f == "" {
			continue
		}
		// A tracked file deleted in the working tree is not part of it.
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(f))); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		files = append(files, f)
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

// Copy copies the files of the repository at root (see Files) into dst.
// dst must not exist or be an empty directory, and must not lie inside
// root. File modes are kept; symbolic links are copied as links.
func Copy(dst, root string) error {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	absDst, err := filepath.Abs(dst)
	if err != nil {
		return err
	}
	if err := CheckOut(absDst, absRoot); err != nil {
		return err
	}
	files, err := Files(absRoot)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := copyFile(filepath.Join(absDst, filepath.FromSlash(f)), filepath.Join(absRoot, filepath.FromSlash(f))); err != nil {
			return fmt.Errorf("copy %s to %s: %w", f, dst, err)
		}
	}
	return nil
}

// CheckOut reports whether dst may receive a copy of the repository at
// root: it must not exist or be an empty directory, and it must lie outside
// root (a copy inside would copy itself, and be picked up by go ./...).
func CheckOut(dst, root string) error {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	absDst, err := filepath.Abs(dst)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(absRoot, absDst); err == nil && (rel == "." || !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && rel != "..") {
		return fmt.Errorf("%s is inside the repository %s: choose a directory outside it", dst, root)
	}
	entries, err := os.ReadDir(absDst)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("%s: %w", dst, err)
	case len(entries) > 0:
		return fmt.Errorf("%s exists and is not empty: choose a new directory", dst)
	}
	return nil
}

// copyFile copies the file or symbolic link src to dst, making dst's
// directory.
func copyFile(dst, src string) error {
	fi, err := os.Lstat(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", src)
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, fi.Mode().Perm())
}
