// Command atlas-beam runs Briefing Atlas's ingest and extraction over a
// newsroom's worth of articles as an Apache Beam pipeline, and writes
// sharded JSON Lines that `atlas import --events` loads into a desktop store:
//
//	atlas-beam --input DIR|FILE|GLOB [--input ...] [--manifest FILE] --output DIR [--shards N]
//	           [--runner prism|direct|flink|spark|dataflow] [--endpoint HOST:PORT] [Beam's other flags]
//
// With no --runner it runs here on Prism, Beam's local runner. The same
// binary runs on Flink or Spark (--runner flink|spark --endpoint of their
// job server) and on Dataflow (--runner dataflow --project --region
// --staging_location gs://…, inputs and output on gs://).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/briefingatlas/atlas/beam/atlasbeam"
)

// inputs is a repeatable --input flag.
type inputs []string

func (i *inputs) String() string { return strings.Join(*i, ",") }

func (i *inputs) Set(v string) error {
	*i = append(*i, v)
	return nil
}

func main() {
	var in inputs
	flag.Var(&in, "input", "article folder, file or glob (local, gs://, s3://); repeat for several")
	manifest := flag.String("manifest", "", "sources.csv or sources.json (default: the one in the first input folder, as atlas import)")
	output := flag.String("output", "", "folder the articles-*, events-* and failures-* shards are written to")
	nshards := flag.Int("shards", 8, "files of each kind")
	flag.Parse()
	beam.Init()
	if len(in) == 0 || *output == "" {
		fmt.Fprintln(os.Stderr, "usage: atlas-beam --input DIR|FILE|GLOB [--input ...] [--manifest FILE] --output DIR [--shards N] [--runner ...]")
		os.Exit(2)
	}
	if err := run(context.Background(), atlasbeam.Options{Inputs: in, Manifest: *manifest, Output: *output, Shards: *nshards}); err != nil {
		fmt.Fprintf(os.Stderr, "atlas-beam: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o atlasbeam.Options) error {
	if err := atlasbeam.PrepareOutput(o.Output); err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := atlasbeam.Build(s, o); err != nil {
		return err
	}
	start := time.Now()
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	elapsed := time.Since(start)
	m := atlasbeam.ReadMetrics(res)
	fmt.Println(m.Summary(elapsed, o.Output))
	return nil
}
