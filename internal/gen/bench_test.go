package gen

import "testing"

func BenchmarkStoreBatch(b *testing.B) {
	g := NewStore(StoreOptions{Seed: 1, Events: 1 << 30, Places: Places(1, 50000, nil)})
	for i := 0; i < b.N; i++ {
		g.Batch(i)
	}
}

func BenchmarkArticle(b *testing.B) {
	c := New(Options{Seed: 1})
	for i := 0; i < b.N; i++ {
		c.Article(i)
	}
}
