package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestTokenizeCommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		in   string
		want string
	}{
		{nil, "भारत ने 1947 में आज़ादी पाई। डॉ. शर्मा आए!", "भारत ने 1947 में आज़ादी पाई ।\nडॉ. शर्मा आए !\n"},
		{[]string{"--key"}, "ख़तरा हिन्दी", "खतरा हिंदी\n"},
	} {
		var out, errb bytes.Buffer
		err := runTokenize(context.Background(), env{args: tc.args, stdin: strings.NewReader(tc.in), stdout: &out, stderr: &errb})
		if err != nil {
			t.Fatalf("tokenize %v: %v (%s)", tc.args, err, errb.String())
		}
		if out.String() != tc.want {
			t.Errorf("tokenize %v %q:\n got %q\nwant %q", tc.args, tc.in, out.String(), tc.want)
		}
	}
}
