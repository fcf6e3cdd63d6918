package markdown_test

import (
	"fmt"
	"testing"

	"github.com/asyncgo/course/chapters/internal/markdown"
	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestTable(t *testing.T) {
	tab := markdown.Table{Columns: []markdown.Column{{Heading: "mode"}, {Heading: "median", Right: true}}}
	tab.Add("loop", "1.0 ms")
	tab.Add("a|b", "2.0 ms")
	want := "| mode | median |\n" +
		"|---|--:|\n" +
		"| loop | 1.0 ms |\n" +
		`| a\|b | 2.0 ms |` + "\n"
	assert.Equal(t, want, tab.String())
}

func TestThousands(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 7: "7", 999.5: "1,000", 1019: "1,019", 100_000: "100,000",
		8388608: "8,388,608", -1234: "-1,234", -123: "-123",
	} {
		assert.Equal(t, want, markdown.Thousands(v), "Thousands(%v)", v)
	}
}

func TestList(t *testing.T) {
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{nil, ""},
		{[]string{"1"}, "1"},
		{[]string{"1", "10"}, "1 and 10"},
		{[]string{"1", "10", "100"}, "1, 10 and 100"},
	} {
		assert.Equal(t, tc.want, markdown.List(tc.words), "List(%q)", tc.words)
	}
}

func ExampleTable() {
	t := markdown.Table{Columns: []markdown.Column{
		{Heading: "benchmark"},
		{Heading: "median", Right: true},
	}}
	t.Add("PullSwitch", "77.5 ns")
	fmt.Print(t.String())
	// Output:
	// | benchmark | median |
	// |---|--:|
	// | PullSwitch | 77.5 ns |
}
