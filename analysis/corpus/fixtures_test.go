package corpus

import "fmt"

// Project-written Hindi sentences for fixtures.
var sampleSentences = []string{
	"राजधानी में आज सुबह से हल्की बारिश हो रही है और मौसम विभाग ने शाम तक बादल छाए रहने की बात कही है।",
	"दोनों देशों ने सीमा पर तनाव कम करने के लिए बातचीत जारी रखने पर सहमति जताई।",
	"शहर की क्रिकेट टीम ने रोमांचक मुकाबले में आखिरी गेंद पर जीत दर्ज की।",
	"बाज़ार में सब्ज़ियों के दाम पिछले सप्ताह की तुलना में कुछ कम हुए हैं।",
	"नगर निगम ने पुराने पुल की मरम्मत का काम अगले महीने शुरू करने की घोषणा की।",
	"विद्यालयों में नया सत्र शुरू होने से पहले किताबें बाँटने की तैयारी पूरी कर ली गई है।",
}

type fixtureArticle struct{ ID, Title, Text, Source string }

// sampleArticle returns a small original Hindi article, different for each i.
func sampleArticle(i int) fixtureArticle {
	text := ""
	for k := range 4 {
		text += sampleSentences[(i+k)%len(sampleSentences)] + " "
	}
	return fixtureArticle{
		ID:     fmt.Sprintf("art-%04d", i),
		Title:  fmt.Sprintf("समाचार संख्या %d", i),
		Text:   text + fmt.Sprintf("(क्रमांक %d)", i),
		Source: []string{"dainik-patrika", "nagar-samachar", "pradesh-times"}[i%3],
	}
}
