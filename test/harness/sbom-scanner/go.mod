module github.com/cutover/test-harness/sbom-scanner

go 1.21
