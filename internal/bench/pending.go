package bench

// Metrics whose code has not landed yet: nil means "not built". Each moves to
// its own file, as a function, once the package it measures exists.
var (
	runExtract, runImport                 func(*Env) (Result, func(), error)
	runMapFrame, runMapCached, runMarkers func(*Env) (Result, func(), error)
)
