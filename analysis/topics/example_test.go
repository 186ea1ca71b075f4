package topics_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/drishti-news/drishti/analysis/hindi"
	"github.com/drishti-news/drishti/analysis/topics"
)

func ExampleBuilder_Fit() {
	texts := []string{
		"असम में बाढ़ से नदी का पानी गांवों में घुसा, राहत शिविर खुले।",
		"बाढ़ प्रभावित गांवों में नदी का पानी उतरा, राहत सामग्री बंटी।",
		"नदी में बाढ़ से असम के गांव डूबे, राहत दल पहुंचे।",
		"क्रिकेट टीम ने मैच जीता, कप्तान ने शतक लगाया।",
		"कप्तान के शतक से क्रिकेट टीम ने दूसरा मैच भी जीता।",
		"क्रिकेट मैच में टीम के कप्तान का शतक और गेंदबाजों के विकेट।",
	}
	var an hindi.Analyzer
	var d hindi.Doc
	b := topics.NewBuilder()
	for i, t := range texts {
		an.Analyze(&d, t)
		b.Add(fmt.Sprint("a", i), topics.NoDay, topics.Features(nil, &d))
	}
	res, err := b.Fit(context.Background(), topics.Options{K: 2, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range res.Topics {
		fmt.Println(t.ID, t.Size, strings.Join(t.Representative, " "))
	}
	fmt.Println("outliers:", res.Outliers)
	// Output:
	// 0 3 a0 a1 a2
	// 1 3 a3 a4 a5
	// outliers: 0
}

func ExampleNMI() {
	classes := []string{"sport", "sport", "sport", "politics", "politics", "politics"}
	clusters := []int{1, 1, 2, 2, 3, 3}
	fmt.Printf("NMI %.4f ARI %.4f\n", topics.NMI(classes, clusters), topics.ARI(classes, clusters))
	// Output: NMI 0.5158 ARI 0.2424
}

func ExampleExtractor() {
	// one Extractor per goroutine, reused from document to document
	var ex topics.Extractor
	var an hindi.Analyzer
	var d hindi.Doc
	var terms []topics.Term
	for _, text := range []string{"सरकार ने बजट पेश किया, सरकारों का बजट।", "किसानों ने मंडी में गेहूं बेचा।"} {
		an.Analyze(&d, text)
		terms = ex.Append(terms[:0], &d)
		var line []string
		for _, t := range terms {
			line = append(line, fmt.Sprintf("%s=%s×%d", t.Key, t.Surface, t.Count))
		}
		fmt.Println(strings.Join(line, " "))
	}
	// Output:
	// पेश=पेश×1 बजट=बजट×2 सरकार=सरकार×2
	// किसान=किसानों×1 गेहूं=गेहूं×1 बेच=बेचा×1 मंड=मंडी×1
}
