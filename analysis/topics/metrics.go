package topics

import (
	"fmt"
	"math"
)

// contingency counts the pairs (class, cluster) of two labelings of the same items.
func contingency[A, B comparable](classes []A, clusters []B) (table map[[2]int]float64, rowSum, colSum []float64, n float64) {
	ci, ki := map[A]int{}, map[B]int{}
	table = map[[2]int]float64{}
	for i := range classes {
		a, ok := ci[classes[i]]
		if !ok {
			a = len(ci)
			ci[classes[i]] = a
			rowSum = append(rowSum, 0)
		}
		b, ok := ki[clusters[i]]
		if !ok {
			b = len(ki)
			ki[clusters[i]] = b
			colSum = append(colSum, 0)
		}
		table[[2]int{a, b}]++
		rowSum[a]++
		colSum[b]++
	}
	return table, rowSum, colSum, float64(len(classes))
}

func entropy(sums []float64, n float64) float64 {
	h := 0.0
	for _, s := range sums {
		if s > 0 {
			p := s / n
			h -= p * math.Log(p)
		}
	}
	return h
}

// NMI returns the normalized mutual information of two labelings, MI / ((H(U)+H(V))/2)
// (scikit-learn's default, arithmetic mean). It is 1 when both labelings have a single label.
// It panics if the lengths differ (a programmer error).
func NMI[A, B comparable](classes []A, clusters []B) float64 {
	if len(classes) != len(clusters) {
		panic(fmt.Sprintf("topics: NMI of %d classes and %d clusters", len(classes), len(clusters)))
	}
	if len(classes) == 0 {
		return 1
	}
	table, rs, cs, n := contingency(classes, clusters)
	if len(rs) == 1 && len(cs) == 1 {
		return 1
	}
	mi := 0.0
	for key, c := range table {
		mi += c / n * math.Log(c*n/(rs[key[0]]*cs[key[1]]))
	}
	hu, hv := entropy(rs, n), entropy(cs, n)
	den := (hu + hv) / 2
	if den <= 0 {
		return 0
	}
	return max(0, mi/den)
}

// ARI returns the adjusted Rand index of two labelings (Hubert & Arabie): 1 for identical
// partitions, about 0 for independent ones. It panics if the lengths differ.
func ARI[A, B comparable](classes []A, clusters []B) float64 {
	if len(classes) != len(clusters) {
		panic(fmt.Sprintf("topics: ARI of %d classes and %d clusters", len(classes), len(clusters)))
	}
	table, rs, cs, n := contingency(classes, clusters)
	if len(rs) == len(cs) && (len(rs) <= 1 || len(rs) == int(n)) {
		return 1 // scikit-learn's convention for trivial partitions
	}
	comb := func(x float64) float64 { return x * (x - 1) / 2 }
	index := 0.0
	for _, c := range table {
		index += comb(c)
	}
	a, b := 0.0, 0.0
	for _, s := range rs {
		a += comb(s)
	}
	for _, s := range cs {
		b += comb(s)
	}
	expected := a * b / comb(n)
	maxIndex := (a + b) / 2
	if maxIndex == expected {
		return 0
	}
	return (index - expected) / (maxIndex - expected)
}
