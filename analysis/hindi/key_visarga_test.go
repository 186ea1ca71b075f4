package hindi

import "testing"

func TestKeyColonVisarga(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"संघर्षः", "संघर्ष"},
		{"ब्लास्टः", "ब्लास्ट"},
		{"अतः", "अतः"},
		{"क्रमशः", "क्रमशः"},
		{"पुनः", "पुनः"},
		{"दुःख", "दुःख"},
		{"ः", "ः"},
		{"युद्ध विरामः", "युद्ध विराम"},
	} {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
