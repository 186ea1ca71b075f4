package topics

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// lsaBasis returns a cols × d basis of the leading right singular vectors of the sample rows
// of x, by a randomized range finder with power iterations (Halko, Martinsson & Tropp 2011).
func lsaBasis(x *csr, rows []int, d int, rng *rand.Rand) *mat.Dense {
	l := d + 10
	m, cols := len(rows), x.cols
	l = min(l, m, cols)
	d = min(d, l)
	omega := mat.NewDense(cols, l, nil)
	for i := 0; i < cols; i++ {
		row := omega.RawRowView(i)
		for j := range row {
			row[j] = rng.NormFloat64()
		}
	}
	// Y = A·Ω (m × l)
	mul := func(z *mat.Dense) *mat.Dense { // A·z, z is cols × l
		y := mat.NewDense(m, l, nil)
		for p, r := range rows {
			yr := y.RawRowView(p)
			idx, val := x.row(r)
			for j, t := range idx {
				floats.AddScaled(yr, val[j], z.RawRowView(int(t)))
			}
		}
		return y
	}
	mulT := func(q *mat.Dense) *mat.Dense { // Aᵀ·q, q is m × l
		z := mat.NewDense(cols, l, nil)
		for p, r := range rows {
			qr := q.RawRowView(p)
			idx, val := x.row(r)
			for j, t := range idx {
				floats.AddScaled(z.RawRowView(int(t)), val[j], qr)
			}
		}
		return z
	}
	orth := func(a *mat.Dense) *mat.Dense {
		var qr mat.QR
		qr.Factorize(a)
		var q mat.Dense
		qr.QTo(&q)
		r, _ := a.Dims()
		return mat.DenseCopyOf(q.Slice(0, r, 0, l))
	}
	q := orth(mul(omega))
	for it := 0; it < 2; it++ {
		z := orth(mulT(q))
		q = orth(mul(z))
	}
	bt := mulT(q) // cols × l = Aᵀ Q
	var svd mat.SVD
	if !svd.Factorize(bt, mat.SVDThin) {
		return nil
	}
	var u mat.Dense
	svd.UTo(&u)
	return mat.DenseCopyOf(u.Slice(0, cols, 0, d))
}

// augment returns x with d more columns per row: the row's LSA coordinates (unit length)
// times weight, the whole row scaled back to unit length. Empty rows stay empty.
func augment(x *csr, basis *mat.Dense, weight float64) *csr {
	_, d := basis.Dims()
	n := x.rows()
	out := &csr{ptr: make([]int, 1, n+1), cols: x.cols + d}
	out.idx = make([]int32, 0, len(x.idx)+n*d)
	out.val = make([]float64, 0, len(x.val)+n*d)
	z := make([]float64, d)
	scale := 1 / math.Sqrt(1+weight*weight)
	for i := 0; i < n; i++ {
		idx, val := x.row(i)
		if len(idx) == 0 {
			out.ptr = append(out.ptr, len(out.val))
			continue
		}
		clear(z)
		for j, t := range idx {
			floats.AddScaled(z, val[j], basis.RawRowView(int(t)))
		}
		zn := floats.Norm(z, 2)
		for j, t := range idx {
			out.idx = append(out.idx, t)
			out.val = append(out.val, val[j]*scale)
		}
		if zn > 0 {
			for c, v := range z {
				out.idx = append(out.idx, int32(x.cols+c))
				out.val = append(out.val, v/zn*weight*scale)
			}
		}
		row := out.val[out.ptr[len(out.ptr)-1]:]
		floats.Scale(1/floats.Norm(row, 2), row)
		out.ptr = append(out.ptr, len(out.val))
	}
	return out
}
