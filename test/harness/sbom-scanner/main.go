// Command sbom-scanner is the tests' SBOM generator for BuildKit (its SBOM scanning protocol): the
// image BuildKit runs for `--attest type=sbom,generator=…`, since the usual one
// (docker/buildkit-syft-scanner) cannot be pulled here. It writes one SPDX 2.3 document per scanned
// root filesystem, listing every regular file with its SHA-256, wrapped in an in-toto statement, to
// $BUILDKIT_SCAN_DESTINATION/<name>.spdx.json. It uses the standard library only.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

type checksum struct {
	Algorithm string `json:"algorithm"`
	Value     string `json:"checksumValue"`
}

type file struct {
	Name      string     `json:"fileName"`
	ID        string     `json:"SPDXID"`
	Checksums []checksum `json:"checksums"`
	License   string     `json:"licenseConcluded"`
	Copyright string     `json:"copyrightText"`
}

func main() {
	destination := os.Getenv("BUILDKIT_SCAN_DESTINATION")
	source := os.Getenv("BUILDKIT_SCAN_SOURCE")
	if destination == "" || source == "" {
		fail(fmt.Errorf("BUILDKIT_SCAN_DESTINATION and BUILDKIT_SCAN_SOURCE must be set (BuildKit's SBOM protocol)"))
	}
	targets := map[string]string{filepath.Base(source): source}
	if extras := os.Getenv("BUILDKIT_SCAN_SOURCE_EXTRAS"); extras != "" {
		if entries, err := os.ReadDir(extras); err == nil {
			for _, entry := range entries {
				targets[entry.Name()] = filepath.Join(extras, entry.Name())
			}
		}
	}
	for name, root := range targets {
		if err := scan(name, root, destination); err != nil {
			fail(err)
		}
	}
}

func scan(name, root, destination string) error {
	files := []file{}
	err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
		if err != nil || !entry.Type().IsRegular() {
			return err
		}
		handle, err := os.Open(path)
		if err != nil {
			return err
		}
		defer handle.Close()
		hash := sha256.New()
		if _, err := io.Copy(hash, handle); err != nil {
			return err
		}
		relative, _ := filepath.Rel(root, path)
		files = append(files, file{
			Name:      "/" + filepath.ToSlash(relative),
			ID:        fmt.Sprintf("SPDXRef-File-%d", len(files)),
			Checksums: []checksum{{Algorithm: "SHA256", Value: hex.EncodeToString(hash.Sum(nil))}},
			License:   "NOASSERTION",
			Copyright: "NOASSERTION",
		})
		return nil
	})
	if err != nil {
		return fmt.Errorf("scanning %s: %w", root, err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	statement := map[string]any{
		"_type":         "https://in-toto.io/Statement/v0.1",
		"predicateType": "https://spdx.dev/Document",
		"subject":       []any{},
		"predicate": map[string]any{
			"spdxVersion":       "SPDX-2.3",
			"dataLicense":       "CC0-1.0",
			"SPDXID":            "SPDXRef-DOCUMENT",
			"name":              name,
			"documentNamespace": "https://cutover.invalid/sbom-scanner/" + name,
			"creationInfo": map[string]any{
				"created":  "1970-01-01T00:00:00Z",
				"creators": []string{"Tool: cutover-test-sbom-scanner"},
			},
			"files": files,
		},
	}
	body, err := json.MarshalIndent(statement, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(destination, name+".spdx.json"), body, 0o644)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "sbom-scanner:", err)
	os.Exit(1)
}
