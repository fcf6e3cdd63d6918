package main

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadConfig(t *testing.T) {
	c, err := loadConfig(theme)
	if err != nil {
		t.Fatalf("the course's own %s: %v", configFile, err)
	}
	if c.Title == "" || c.Licence == "" {
		t.Errorf("the course's configuration lacks a title or licence: %+v", c)
	}
	tests := []struct{ name, json, err string }{
		{"unknown key", `{"title": "T", "description": "D", "licence": "L", "colour": "red"}`, `unknown field "colour"`},
		{"no title", `{"description": "D", "licence": "L"}`, `"title" is required`},
		{"no licence", `{"title": "T", "description": "D"}`, `"licence" is required`},
		{"two lines", `{"title": "T\nU", "description": "D", "licence": "L"}`, `"title" must be one line`},
		{"repository not http", `{"title": "T", "description": "D", "licence": "L", "repository": "git@example.com:x"}`, `want an http or https address`},
		{"malformed", `{"title": `, `course.json: unexpected EOF`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadConfig(fstest.MapFS{configFile: {Data: []byte(tt.json)}})
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("loadConfig = %v, want an error containing %q", err, tt.err)
			}
		})
	}
	if _, err := loadConfig(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "site configuration") {
		t.Errorf("loadConfig without a file = %v", err)
	}
}
