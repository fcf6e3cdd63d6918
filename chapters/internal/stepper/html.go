package stepper

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/asyncgo/course/chapters/internal/markdown"
)

// HTML returns the stepper's markup for the log l: a <figure> with the
// attribute data-stepper, its caption, and the steps in a <details>, one
// <li data-step> each. Every step says in words what happened, then shows
// the ready queue and the timers after it. The attributes carry what
// stepper.js needs to draw the step:
//
//   - on the <li>: data-kind, data-iteration, data-time (the clock after the
//     step) and data-runs (the task or callback that ran, if any);
//   - [data-ready] holds one <code> per entry of the ready queue, first to
//     run first, and data-pending, how many of them run in this iteration;
//   - [data-timers] holds one <code data-at="TIME"> per timer, earliest
//     first, whose text is what the timer runs;
//   - [data-out] elements hold the lines the step printed.
func (s Stepper) HTML(l *Log) ([]byte, error) {
	if s.Name == "" || strings.ContainsAny(s.Name, " \"'<>&/") {
		return nil, fmt.Errorf("stepper name %q: want a non-empty name without spaces, quotes or slashes", s.Name)
	}
	sentences, err := l.Sentences()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	esc := html.EscapeString
	fmt.Fprintf(&b, "<figure class=\"stepper\" id=\"stepper-%s\" data-stepper>\n", esc(s.Name))
	fmt.Fprintf(&b, "<figcaption class=\"stepper-title\">%s</figcaption>\n", esc(s.Title))
	fmt.Fprintf(&b, "<details class=\"stepper-steps\"><summary>The %d steps in words</summary>\n", len(l.Steps))
	b.WriteString("<ol>\n")
	for i, st := range l.Steps {
		fmt.Fprintf(&b, "<li data-step data-kind=\"%s\" data-iteration=\"%d\" data-time=\"%s\"", esc(st.Kind), st.Iteration, esc(st.Time))
		if st.Runs != "" {
			fmt.Fprintf(&b, " data-runs=\"%s\"", esc(st.Runs))
		}
		fmt.Fprintf(&b, "><strong>%s</strong> <span class=\"stepper-say\">%s</span>\n", esc(when(st)), sentences[i])
		b.WriteString(readyHTML(st))
		b.WriteString(" " + timersHTML(st) + "</li>\n")
	}
	b.WriteString("</ol>\n</details>\n</figure>\n")
	if bytes.Contains(b.Bytes(), []byte("\n\n")) {
		return nil, fmt.Errorf("stepper %s: the markup has a blank line, which would end the HTML block", s.Name)
	}
	return b.Bytes(), nil
}

// when heads a step: its iteration and the clock.
func when(st Step) string {
	switch st.Kind {
	case "start":
		return fmt.Sprintf("Before the loop, %s.", st.Time)
	case "shutdown", "end":
		return fmt.Sprintf("After iteration %d, %s.", st.Iteration, st.Time)
	}
	return fmt.Sprintf("Iteration %d, %s.", st.Iteration, st.Time)
}

// readyHTML shows the ready queue after the step, and which entries wait for
// the next iteration.
func readyHTML(st Step) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<span class=\"stepper-state\">Ready: <span data-ready data-pending=\"%d\">", st.Pending)
	if len(st.Ready) == 0 {
		b.WriteString("nothing")
	}
	for i, name := range st.Ready {
		switch {
		case i == 0 && st.Pending == 0:
			b.WriteString("for the next iteration, ")
		case i == st.Pending:
			b.WriteString("; for the next iteration, ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(code(name))
	}
	b.WriteString("</span>.</span>")
	return b.String()
}

// timersHTML shows the timers after the step.
func timersHTML(st Step) string {
	var b strings.Builder
	b.WriteString("<span class=\"stepper-state\">Timers: <span data-timers>")
	if len(st.Timers) == 0 {
		b.WriteString("none")
	}
	for i, tm := range st.Timers {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "<code data-at=\"%s\">%s</code> at %s", html.EscapeString(tm.At), html.EscapeString(tm.Name), html.EscapeString(tm.At))
	}
	b.WriteString("</span>.</span>")
	return b.String()
}

// code shows a name as code.
func code(name string) string { return "<code>" + html.EscapeString(name) + "</code>" }

// Sentences says in words what happened in each step, as HTML: names in
// <code>, printed lines in <q data-out>.
func (l *Log) Sentences() ([]string, error) {
	n := narrator{waits: make(map[string]Event), fails: make(map[string]string), prev: "0s"}
	out := make([]string, len(l.Steps))
	for i, st := range l.Steps {
		s, err := n.say(st)
		if err != nil {
			return nil, fmt.Errorf("step %d (%s): %w", i+1, st.Kind, err)
		}
		out[i] = s
		n.prev = st.Time
	}
	return out, nil
}

// A narrator tells the steps one after the other; it remembers what each
// task waits in, to say what returns when the task resumes.
type narrator struct {
	waits map[string]Event  // by task: the sleep, yield or await event it gave the loop up with
	fails map[string]string // by future: the error it completed with
	prev  string            // the clock before the step
	clock time.Duration     // the clock during the step
}

// errCancelled is the text of the loop's ErrCancelled.
const errCancelled = "eventloop: cancelled"

func (n *narrator) say(st Step) (string, error) {
	var err error
	if n.clock, err = time.ParseDuration(n.prev); err != nil {
		return "", err
	}
	switch st.Kind {
	case "start":
		return n.clauses("Run", st.Events, st) + ".", nil
	case "wait":
		return n.sayWait(st)
	case "task", "callback":
		return n.sayRun(st)
	case "shutdown":
		return code("main") + " has returned. " + n.clauses("Run", st.Events, st) + ".", nil
	case "end":
		return n.sayEnd(st), nil
	}
	return "", fmt.Errorf("unknown kind of step %q", st.Kind)
}

// sayWait tells the loop's own work at the start of an iteration.
func (n *narrator) sayWait(st Step) (string, error) {
	var parts []string
	for _, e := range st.Events {
		switch e.Kind {
		case "wait":
			if e.At == n.prev {
				parts = append(parts, "Nothing is ready, but a timer is already due: the loop does not wait")
			} else {
				parts = append(parts, fmt.Sprintf("Nothing is ready, so the loop waits for the earliest timer: the clock jumps to %s", e.At))
			}
		case "due":
			late, err := lateness(e.At, st.Time)
			if err != nil {
				return "", err
			}
			s := fmt.Sprintf("%s, due at %s, joins the ready queue", code(e.Name), e.At)
			if late != "" {
				s += ", " + late + " late"
			}
			parts = append(parts, s)
		default:
			parts = append(parts, "The loop "+n.clause(e, st))
		}
	}
	return capitalize(strings.Join(parts, ". ")) + ".", nil
}

// lateness says how long after its deadline a timer came due, or "" if on
// time.
func lateness(deadline, now string) (string, error) {
	d, err := time.ParseDuration(deadline)
	if err != nil {
		return "", err
	}
	t, err := time.ParseDuration(now)
	if err != nil {
		return "", err
	}
	if t <= d {
		return "", nil
	}
	return (t - d).String(), nil
}

// sayRun tells a task's or a callback's run.
func (n *narrator) sayRun(st Step) (string, error) {
	who := code(st.Runs)
	events := st.Events
	var first string
	if st.Kind == "task" {
		if len(events) == 0 || (events[0].Kind != "start" && events[0].Kind != "resume") {
			return "", fmt.Errorf("a task's step begins with start or resume")
		}
		first = n.resumed(st.Runs, events[0])
		events = events[1:]
	} else {
		first = who + " runs"
		if len(events) == 0 {
			return first + ", and schedules nothing.", nil
		}
	}
	if st.Kind == "task" && st.Events[0].Kind == "start" && st.Events[0].Text == errCancelled {
		return first + ".", nil // it never runs its function
	}
	return first + n.clauses("", events, st) + ".", nil
}

// resumed tells how a task comes back: it starts, or the call it waited in
// returns.
func (n *narrator) resumed(task string, e Event) string {
	who := code(task)
	if e.Kind == "start" {
		if e.Text == errCancelled {
			return who + " was cancelled before it ever ran: it never runs its function, and its future fails with ErrCancelled"
		}
		return who + " starts"
	}
	call := "its waiting call"
	w, ok := n.waits[task]
	if ok {
		switch w.Kind {
		case "sleep":
			call = "its Sleep"
		case "yield":
			call = "its Yield"
		case "await":
			call = "its Await of " + code(w.Name)
			if w.Name == "Gather" {
				call = "Gather"
			}
		}
	}
	switch e.Text {
	case "":
		switch fail := n.fails[w.Name]; {
		case w.Kind != "await" || fail == "":
		case fail == errCancelled:
			return who + " resumes: " + call + " returns ErrCancelled"
		default:
			return who + " resumes: " + call + " returns the error, " + html.EscapeString(fail)
		}
		return who + " resumes: " + call + " returns"
	case errCancelled:
		return who + " resumes: " + call + " returns ErrCancelled"
	}
	return who + " resumes: " + call + " returns an error, " + html.EscapeString(e.Text)
}

// clauses tells events one after the other, each as a clause that starts
// with a comma: ", spawns a, then sleeps until 3s".
func (n *narrator) clauses(subject string, events []Event, st Step) string {
	var parts []string
	for i := 0; i < len(events); i++ {
		e := events[i]
		switch e.Kind {
		case "spawn": // spawns a, b and c
			names := []string{code(e.Name)}
			for i+1 < len(events) && events[i+1].Kind == "spawn" {
				i++
				names = append(names, code(events[i].Name))
			}
			parts = append(parts, "spawns "+markdown.List(names))
		case "print": // prints “x” and “y”
			lines := []string{"<q data-out>" + html.EscapeString(e.Text) + "</q>"}
			for i+1 < len(events) && events[i+1].Kind == "print" {
				i++
				lines = append(lines, "<q data-out>"+html.EscapeString(events[i].Text)+"</q>")
			}
			parts = append(parts, "prints "+markdown.List(lines))
		case "complete": // completes a future, which schedules x and y
			if e.Text != "" {
				n.fails[e.Name] = e.Text
			}
			var woken []string
			for i+1 < len(events) && events[i+1].Kind == "schedule" {
				i++
				woken = append(woken, code(events[i].Name))
			}
			returns := i+1 < len(events) && events[i+1].Kind == "return" && events[i+1].Name == e.Name
			if returns {
				i++
			}
			parts = append(parts, n.completes(e, woken, returns, st))
		default:
			parts = append(parts, n.clause(e, st))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	s := ", " // after the clause that says how the task or callback starts
	if subject != "" {
		s = subject + " "
	}
	if len(parts) > 1 || subject == "" {
		parts[len(parts)-1] = "then " + parts[len(parts)-1]
	}
	return s + strings.Join(parts, ", ")
}

// completes tells a future's completion: a task that returns, or a future
// that a callback or task sets.
func (n *narrator) completes(e Event, woken []string, returns bool, st Step) string {
	var s string
	switch {
	case returns && e.Text == "":
		s = "returns: its future is done"
	case returns && e.Text == errCancelled:
		s = "returns ErrCancelled: its future fails with it"
	case returns:
		s = "returns an error, " + html.EscapeString(e.Text) + ": its future fails with it"
	case e.Name == "Gather" && e.Text == "":
		s = "completes Gather's future with every result"
	case e.Name == "Gather":
		s = "fails Gather's future with the first error, " + html.EscapeString(e.Text)
	case e.Text == "":
		s = "sets the result of " + futureName(e.Name)
	case e.Text == errCancelled:
		s = "cancels " + futureName(e.Name)
	default:
		s = "fails " + futureName(e.Name) + " with " + html.EscapeString(e.Text)
	}
	if len(woken) > 0 {
		s += ", which schedules " + markdown.List(woken)
	}
	return s
}

func futureName(name string) string {
	if name == "a future" {
		return name
	}
	return "the future of " + code(name)
}

// clause tells one event, for the task or callback of the step.
func (n *narrator) clause(e Event, st Step) string {
	esc := html.EscapeString
	switch e.Kind {
	case "print":
		return "prints <q data-out>" + esc(e.Text) + "</q>"
	case "sleep":
		n.waits[st.Runs] = e
		return "sleeps until " + esc(e.At) + ": its timer joins the heap"
	case "yield":
		n.waits[st.Runs] = e
		return "yields: it goes to the back of the ready queue"
	case "await":
		n.waits[st.Runs] = e
		if e.Name == "Gather" {
			return "waits in Gather"
		}
		if e.Name == "a future" {
			return "waits for a future"
		}
		return "waits for " + code(e.Name)
	case "busy":
		if d, err := time.ParseDuration(e.At); err == nil {
			n.clock += d
		}
		return "holds the loop for " + esc(e.At) + " (Task.Busy), so the clock moves to " + n.clock.String() + " and nothing else runs meanwhile"
	case "return":
		return "returns"
	case "schedule":
		return "schedules " + code(e.Name)
	case "cancel":
		switch e.Text {
		case "waiting":
			w := n.waits[e.Name]
			if w.Kind == "sleep" {
				return "cancels " + code(e.Name) + " (it was sleeping: its timer leaves the heap, and it joins the ready queue)"
			}
			return "cancels " + code(e.Name) + " (it was waiting: it joins the ready queue)"
		case "ready":
			return "cancels " + code(e.Name) + " (it is in the ready queue already: its waiting call will return ErrCancelled)"
		}
		return "cancels " + code(e.Name)
	case "timer":
		return "sets a timer for " + esc(e.At) + " (CallLater)"
	case "stop":
		return "stops " + code(e.Name) + " for good: its waiting call returns ErrClosed"
	case "complete":
		return n.completes(e, nil, false, st)
	case "spawn":
		return "spawns " + code(e.Name)
	}
	return esc(e.Kind) + " " + code(e.Name)
}

// sayEnd tells how Run ends.
func (n *narrator) sayEnd(st Step) string {
	var parts []string
	var ret *Event
	for i, e := range st.Events {
		if e.Kind == "return" && e.Name == "Run" {
			ret = &st.Events[i]
			continue
		}
		parts = append(parts, n.clause(e, st))
	}
	s := "Every task has finished"
	if len(parts) > 0 {
		s = "Nothing more can happen: Run " + strings.Join(parts, ", ")
	}
	switch {
	case ret == nil:
	case ret.Text == "":
		s += ". Run returns nil"
	default:
		s += ". Run returns an error: " + html.EscapeString(ret.Text)
	}
	return s + "."
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
