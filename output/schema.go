package output

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/parquet-go/parquet-go"
	parquetencoding "github.com/parquet-go/parquet-go/encoding"
)

// SchemaVersion is the version of the report schemas described in docs/reports.md, written
// into the key-value metadata of every file (key "drishti.schema_version"). The major part
// changes when a column is renamed, removed or changes type; the minor part when columns are
// added.
const SchemaVersion = "1.0"

// kind is the logical type of one report column. Each kind maps to exactly one Parquet
// physical/logical type and one Arrow type (see docs/reports.md).
type kind uint8

const (
	kString     kind = iota + 1 // BYTE_ARRAY (STRING) / utf8
	kInt32                      // INT32 / int32
	kInt64                      // INT64 / int64
	kFloat64                    // DOUBLE / float64
	kBool                       // BOOLEAN / bool
	kTimestamp                  // INT64 TIMESTAMP(MICROS, UTC) / timestamp[us, UTC]
	kDate                       // INT32 DATE / date32
	kStringList                 // LIST<STRING> / list<utf8>
	kFloatList                  // LIST<DOUBLE> / list<float64>
)

// column describes one column of a report. The same description builds the Parquet schema,
// the Arrow schema and the type table that tests and docs/reports.md are checked against.
type column struct {
	name     string
	kind     kind
	nullable bool
	enc      encoding // Parquet encoding of the values
}

// encoding is how a leaf column's values are encoded in Parquet data pages. It changes the
// size of the file and the work of writing it, never the values a reader gets back.
type encoding uint8

const (
	// encPlain is parquet-go's default: PLAIN, and DELTA_LENGTH_BYTE_ARRAY for strings.
	encPlain encoding = iota
	// encDict is RLE_DICTIONARY, for columns with few distinct values (sources, lexicon
	// entries, categories, weights): zstd then compresses small indexes instead of the values.
	encDict
	// encDelta is DELTA_BINARY_PACKED, for integers that stay close to the previous row's
	// (offsets and sentence numbers within an article, article lengths).
	encDelta
)

func (e encoding) parquet() parquetencoding.Encoding {
	switch e {
	case encDict:
		return &parquet.RLEDictionary
	case encDelta:
		return &parquet.DeltaBinaryPacked
	}
	return nil
}

// DuckDBType is the type DuckDB reports for the column in DESCRIBE.
func (c column) duckDBType() string {
	switch c.kind {
	case kString:
		return "VARCHAR"
	case kInt32:
		return "INTEGER"
	case kInt64:
		return "BIGINT"
	case kFloat64:
		return "DOUBLE"
	case kBool:
		return "BOOLEAN"
	case kTimestamp:
		return "TIMESTAMP WITH TIME ZONE"
	case kDate:
		return "DATE"
	case kStringList:
		return "VARCHAR[]"
	case kFloatList:
		return "DOUBLE[]"
	}
	return "?"
}

func (c column) parquetNode() parquet.Node {
	var n parquet.Node
	switch c.kind {
	case kString:
		n = parquet.String()
	case kInt32:
		n = parquet.Int(32)
	case kInt64:
		n = parquet.Int(64)
	case kFloat64:
		n = parquet.Leaf(parquet.DoubleType)
	case kBool:
		n = parquet.Leaf(parquet.BooleanType)
	case kTimestamp:
		n = parquet.Timestamp(parquet.Microsecond)
	case kDate:
		n = parquet.Date()
	case kStringList:
		n = parquet.List(parquet.String())
	case kFloatList:
		n = parquet.List(parquet.Leaf(parquet.DoubleType))
	}
	if e := c.enc.parquet(); e != nil {
		n = parquet.Encoded(n, e) // panics for an encoding the type cannot take: a bug here
	}
	if c.nullable {
		n = parquet.Optional(n)
	}
	return n
}

func (c column) arrowType() arrow.DataType {
	switch c.kind {
	case kString:
		return arrow.BinaryTypes.String
	case kInt32:
		return arrow.PrimitiveTypes.Int32
	case kInt64:
		return arrow.PrimitiveTypes.Int64
	case kFloat64:
		return arrow.PrimitiveTypes.Float64
	case kBool:
		return arrow.FixedWidthTypes.Boolean
	case kTimestamp:
		return &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}
	case kDate:
		return arrow.FixedWidthTypes.Date32
	case kStringList:
		return arrow.ListOfNonNullable(arrow.BinaryTypes.String)
	case kFloatList:
		return arrow.ListOfNonNullable(arrow.PrimitiveTypes.Float64)
	}
	return nil
}

// report is the static description of one report: its name, whether it carries a day (and
// so is partitioned with Options.PartitionByDay), and its columns.
type report struct {
	name    string
	daily   bool
	columns []column
}

func (r *report) parquetSchema() *parquet.Schema {
	fields := make([]parquet.Field, len(r.columns))
	for i, c := range r.columns {
		fields[i] = orderedField{Node: c.parquetNode(), name: c.name}
	}
	g := parquet.Group{}
	for _, f := range fields {
		g[f.Name()] = f
	}
	return parquet.NewSchema(r.name, orderedGroup{Group: g, fields: fields})
}

func (r *report) arrowSchema(meta map[string]string) *arrow.Schema {
	fields := make([]arrow.Field, len(r.columns))
	for i, c := range r.columns {
		fields[i] = arrow.Field{Name: c.name, Type: c.arrowType(), Nullable: c.nullable}
	}
	keys, vals := sortedKV(meta)
	md := arrow.NewMetadata(keys, vals)
	return arrow.NewSchema(fields, &md)
}

var (
	_ parquet.Node  = orderedGroup{}
	_ parquet.Field = orderedField{}
)

// orderedGroup is a Parquet group whose fields keep the order in which the report lists
// them (parquet.Group sorts its fields by name, which would scatter an article's columns).
type orderedGroup struct {
	parquet.Group
	fields []parquet.Field
}

func (g orderedGroup) Fields() []parquet.Field { return g.fields }

type orderedField struct {
	parquet.Node
	name string
}

func (f orderedField) Name() string { return f.name }

// Value is part of parquet.Field; the writers here build parquet.Row values directly and never
// go through reflection, so a struct field of the same name is the best answer.
func (f orderedField) Value(base reflect.Value) reflect.Value {
	if base.Kind() == reflect.Struct {
		return base.FieldByName(f.name)
	}
	return reflect.Value{}
}

// Report names, also the file stems ("articles.parquet", "articles.arrow") and the dataset
// folder names with partitioning.
const (
	ReportArticles = "articles"
	ReportHits     = "hits"
	ReportTopics   = "topics"
	ReportTrends   = "trends"
	ReportRejects  = "rejects"
)

// reportNames lists the report names in the order they are documented and written.
var reportNames = [...]string{ReportArticles, ReportHits, ReportTopics, ReportTrends, ReportRejects}

// ReportNames returns the names of the reports in documentation order.
func ReportNames() []string { return slices.Clone(reportNames[:]) }

func articlesReport(categories []string) *report {
	cols := []column{
		{name: "id", kind: kString},
		{name: "source", kind: kString, nullable: true, enc: encDict},
		{name: "url", kind: kString, nullable: true},
		{name: "title", kind: kString, nullable: true},
		{name: "published_at", kind: kTimestamp, nullable: true},
		{name: "day", kind: kDate, nullable: true},
		{name: "chars", kind: kInt32, enc: encDelta},
		{name: "words", kind: kInt32, enc: encDelta},
		{name: "sentences", kind: kInt32, enc: encDelta},
		{name: "devanagari_ratio", kind: kFloat64},
		{name: "tone", kind: kFloat64},
		{name: "positive", kind: kFloat64},
		{name: "negative", kind: kFloat64},
		{name: "polarity", kind: kFloat64},
	}
	for _, c := range categories {
		cols = append(cols,
			column{name: c + "_hits", kind: kInt32},
			column{name: c + "_score", kind: kFloat64},
			column{name: c + "_density", kind: kFloat64},
		)
	}
	cols = append(cols,
		column{name: "dominant_category", kind: kString, nullable: true, enc: encDict},
		column{name: "topic_id", kind: kInt32, nullable: true},
		column{name: "topic_label", kind: kString, nullable: true, enc: encDict},
		column{name: "topic_similarity", kind: kFloat64, nullable: true},
		column{name: "flags", kind: kStringList},
	)
	return &report{name: ReportArticles, daily: true, columns: cols}
}

func hitsReport() *report {
	return &report{name: ReportHits, daily: true, columns: []column{
		{name: "article_id", kind: kString},
		{name: "day", kind: kDate, nullable: true},
		{name: "sentence", kind: kInt32, enc: encDelta},
		{name: "start", kind: kInt32, enc: encDelta},
		{name: "end", kind: kInt32, enc: encDelta},
		{name: "surface", kind: kString, enc: encDict},
		{name: "entry", kind: kString, enc: encDict},
		{name: "category", kind: kString, enc: encDict},
		{name: "weight", kind: kFloat64, enc: encDict},
		{name: "modifier", kind: kString, nullable: true, enc: encDict},
		{name: "effective_weight", kind: kFloat64, enc: encDict},
	}}
}

func topicsReport(categories []string) *report {
	cols := []column{
		{name: "topic_id", kind: kInt32},
		{name: "label", kind: kString},
		{name: "size", kind: kInt32},
		{name: "top_terms", kind: kStringList},
		{name: "top_weights", kind: kFloatList},
		{name: "representative_ids", kind: kStringList},
		{name: "npmi", kind: kFloat64, nullable: true},
		{name: "cohesion", kind: kFloat64, nullable: true},
		{name: "first_day", kind: kDate, nullable: true},
		{name: "last_day", kind: kDate, nullable: true},
		{name: "outlier", kind: kBool},
		{name: "new", kind: kBool},
	}
	for _, c := range categories {
		cols = append(cols, column{name: "mean_" + c, kind: kFloat64})
	}
	return &report{name: ReportTopics, columns: cols}
}

func trendsReport() *report {
	return &report{name: ReportTrends, daily: true, columns: []column{
		{name: "day", kind: kDate, nullable: true},
		{name: "kind", kind: kString, enc: encDict},
		{name: "source", kind: kString, nullable: true, enc: encDict},
		{name: "category", kind: kString, nullable: true, enc: encDict},
		{name: "topic_id", kind: kInt32, nullable: true},
		{name: "topic_label", kind: kString, nullable: true, enc: encDict},
		{name: "articles", kind: kInt64},
		{name: "articles_with_hits", kind: kInt64},
		{name: "mean_score", kind: kFloat64},
		{name: "mean_tone", kind: kFloat64},
	}}
}

func rejectsReport() *report {
	return &report{name: ReportRejects, columns: []column{
		{name: "input", kind: kString, enc: encDict},
		{name: "line", kind: kInt64},
		{name: "id", kind: kString, nullable: true},
		{name: "code", kind: kString, nullable: true, enc: encDict},
		{name: "reason", kind: kString, enc: encDict},
		{name: "excerpt", kind: kString},
	}}
}

// ColumnType is one row of a report's type table: a column name and the type DuckDB shows
// for it in DESCRIBE. It is what docs/reports.md and scripts/duckdb-check.mjs list.
type ColumnType struct {
	Name, DuckDB string
	Nullable     bool
}

// Columns returns the columns of the named report for the given lexicon categories, in file
// order, with their DuckDB types. It returns an error for an unknown report name.
func Columns(reportName string, categories []string) ([]ColumnType, error) {
	var r *report
	switch reportName {
	case ReportArticles:
		r = articlesReport(categories)
	case ReportHits:
		r = hitsReport()
	case ReportTopics:
		r = topicsReport(categories)
	case ReportTrends:
		r = trendsReport()
	case ReportRejects:
		r = rejectsReport()
	default:
		return nil, fmt.Errorf("output: unknown report %q", reportName)
	}
	out := make([]ColumnType, len(r.columns))
	for i, c := range r.columns {
		out[i] = ColumnType{Name: c.name, DuckDB: c.duckDBType(), Nullable: c.nullable}
	}
	return out, nil
}
