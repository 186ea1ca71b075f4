package topics

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
)

func TestExpireTable(t *testing.T) {
	topic := func(id int, last int32) ModelTopic { return ModelTopic{ID: id, FirstDay: last - 3, LastDay: last} }
	tests := []struct {
		name    string
		days    int
		topics  []ModelTopic
		expired []int
		kept    []int
	}{
		{"off", 0, []ModelTopic{topic(1, 100), topic(2, 10)}, nil, []int{1, 2}},
		{"cut is exclusive", 30, []ModelTopic{topic(4, 100), topic(2, 70), topic(3, 69), topic(1, 5)}, []int{1, 3}, []int{4, 2}},
		{"unknown days kept", 1, []ModelTopic{topic(1, 100), {ID: 2, FirstDay: NoDay, LastDay: NoDay}}, nil, []int{1, 2}},
		{"all unknown", 1, []ModelTopic{{ID: 7, FirstDay: NoDay, LastDay: NoDay}}, nil, []int{7}},
		{"empty", 5, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Model{NextID: 9, Topics: tt.topics}
			got := m.Expire(tt.days)
			if !reflect.DeepEqual(got, tt.expired) {
				t.Errorf("expired %v, want %v", got, tt.expired)
			}
			var kept []int
			for _, tp := range m.Topics {
				kept = append(kept, tp.ID)
			}
			if !reflect.DeepEqual(kept, tt.kept) {
				t.Errorf("kept %v, want %v", kept, tt.kept)
			}
			if m.NextID != 9 {
				t.Errorf("NextID %d, want it unchanged (9)", m.NextID)
			}
		})
	}
}

// TestExpireThroughRuns: a story that stops for longer than the retention leaves the saved
// model, and when it comes back it opens a new topic with a new id; stories still running
// keep theirs.
func TestExpireThroughRuns(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "topics.json")
	b1, docs1 := fixtureBuilder(t, Featurizer{}, 20000, 0, 6, "flood", "cricket", "budget")
	r1, err := b1.Fit(ctx, Options{K: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	idOf := map[string]int{}
	for i, d := range docs1 {
		idOf[d.story] = r1.Assign[i].Topic
	}
	b2, _ := fixtureBuilder(t, Featurizer{}, 20040, 6, 4, "cricket", "budget")
	r2, err := b2.Fit(ctx, Options{Seed: 2, Prior: r1.Model})
	if err != nil {
		t.Fatal(err)
	}
	if got := r2.Model.Expire(30); !reflect.DeepEqual(got, []int{idOf["flood"]}) {
		t.Fatalf("expired %v, want the flood topic %d only", got, idOf["flood"])
	}
	prior := saveLoad(t, r2.Model, path)
	b3, docs3 := fixtureBuilder(t, Featurizer{}, 20041, 10, 3, "flood", "cricket")
	r3, err := b3.Fit(ctx, Options{Seed: 3, Prior: prior})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs3 {
		got := r3.Assign[i].Topic
		switch d.story {
		case "cricket":
			if got != idOf["cricket"] {
				t.Errorf("%s: topic %d, want the kept id %d", d.id, got, idOf["cricket"])
			}
		case "flood":
			if got < prior.NextID {
				t.Errorf("%s: topic %d, want a new id ≥ %d (the expired %d is never reused)", d.id, got, prior.NextID, idOf["flood"])
			}
		}
	}
}
