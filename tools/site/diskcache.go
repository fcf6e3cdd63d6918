package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// A diskCache keeps the highlighted code of the course's blocks between
// builds, like Go's build cache: a file per block, named by a hash of
// everything its HTML depends on (the block's info string and code, and
// the versions of the highlighter). The build only reads it; the command
// saves what the build highlighted afresh and removes the blocks no
// longer used, so that the cache holds one course's blocks and no more.
//
// Without it, chroma's highlighting is most of a build's time; with it, a
// build highlights only what changed since the last one.
type diskCache struct {
	dir  string
	salt string // see cacheSalt
}

// newDiskCache returns the disk cache in dir.
func newDiskCache(dir string) *diskCache { return &diskCache{dir: dir, salt: cacheSalt()} }

// defaultCacheDir returns the directory of the disk cache of the course
// whose repository root is root: under the user's cache directory, one per
// course, so that a workbook and the course it came from do not evict each
// other's blocks. It returns "" when the user has no cache directory.
func defaultCacheDir(root string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(base, "asyncgo-course", "highlight-"+hex.EncodeToString(sum[:6]))
}

// cacheSalt returns what, besides a block, its highlighted HTML depends
// on: the versions of the modules that make it, and the way this file
// stores it.
func cacheSalt() string {
	salt := "format 1"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if strings.Contains(m.Path, "chroma") || strings.Contains(m.Path, "goldmark") {
				salt += " " + m.Path + "@" + m.Version
			}
		}
	}
	return salt
}

// file returns the path of the file that holds the block with the given
// key.
func (d *diskCache) file(key string) string {
	sum := sha256.Sum256([]byte(d.salt + "\x00" + key))
	return filepath.Join(d.dir, hex.EncodeToString(sum[:]))
}

// read returns the code of the block with the given key, if the cache holds
// it. A missing or unreadable file is a miss.
func (d *diskCache) read(key string) (highlightedCode, bool) {
	b, err := os.ReadFile(d.file(key))
	if err != nil || len(b) == 0 || (b[0] != '0' && b[0] != '1') {
		return highlightedCode{}, false
	}
	return highlightedCode{html: b[1:], highlighted: b[0] == '1'}, true
}

// save writes the blocks the build highlighted afresh, and removes every
// file of the cache that the build did not use. Each file is written
// whole, under a temporary name, then renamed: a reader sees a block or
// none, never half of one.
func (d *diskCache) save(c *highlightCache) error {
	if err := os.MkdirAll(d.dir, 0o755); err != nil {
		return err
	}
	keep := make(map[string]bool)
	c.mu.Lock()
	defer c.mu.Unlock()
	for key, h := range c.blocks {
		name := d.file(key)
		keep[filepath.Base(name)] = true
		if !c.fresh[key] {
			continue
		}
		flag := byte('0')
		if h.highlighted {
			flag = '1'
		}
		tmp, err := os.CreateTemp(d.dir, ".tmp-")
		if err != nil {
			return err
		}
		_, err = tmp.Write(append([]byte{flag}, h.html...))
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), name)
		}
		if err != nil {
			os.Remove(tmp.Name())
			return err
		}
	}
	entries, err := os.ReadDir(d.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !keep[e.Name()] && !strings.HasPrefix(e.Name(), ".tmp-") { // another build's file being written
			if err := os.Remove(filepath.Join(d.dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}
