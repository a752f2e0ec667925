// Command referrers-registry is the tests' registry that serves the OCI referrers API
// (GET /v2/<name>/referrers/<digest>), which Debian's docker-registry answers with 404.
//
// It is go-containerregistry's in-memory pkg/registry with referrers enabled, plus two things that
// package leaves out and the OCI distribution spec asks for: the OCI-Subject header on a manifest PUT
// that carries a subject (clients use it to choose the referrers API over the tag schema), and each
// referrer's artifactType taken from the manifest's own artifactType field before its config media
// type, with the ?artifactType= filter applied.
//
// Usage: referrers-registry [-addr 127.0.0.1:0] [-log]
// It prints "listening on http://HOST:PORT" on stdout once it accepts connections.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/google/go-containerregistry/pkg/registry"
)

type subjectOnly struct {
	Subject *struct {
		Digest string `json:"digest"`
	} `json:"subject"`
}

type artifactFields struct {
	ArtifactType string `json:"artifactType"`
	Config       struct {
		MediaType string `json:"mediaType"`
	} `json:"config"`
}

type referrersIndex struct {
	SchemaVersion int               `json:"schemaVersion"`
	MediaType     string            `json:"mediaType"`
	Manifests     []json.RawMessage `json:"manifests"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on (loopback only)")
	logRequests := flag.Bool("log", false, "log each request on stderr")
	flag.Parse()

	logger := log.New(io.Discard, "", 0)
	if *logRequests {
		logger = log.New(os.Stderr, "", log.LstdFlags)
	}
	inner := registry.New(registry.WithReferrersSupport(true), registry.Logger(logger))
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPut && strings.Contains(r.URL.Path, "/manifests/"):
			putManifest(inner, w, r)
		case r.Method == http.MethodGet && strings.Contains(r.URL.Path, "/referrers/"):
			getReferrers(inner, w, r)
		default:
			inner.ServeHTTP(w, r)
		}
	})

	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("referrers-registry: listen %s: %v", *addr, err)
	}
	host, _, _ := net.SplitHostPort(listener.Addr().String())
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		log.Fatalf("referrers-registry: %s is not a loopback address", host)
	}
	fmt.Printf("listening on http://%s\n", listener.Addr())
	log.Fatal(http.Serve(listener, handler))
}

// putManifest stores the manifest and, when it names a subject, answers with OCI-Subject.
func putManifest(inner http.Handler, w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	var parsed subjectOnly
	if json.Unmarshal(body, &parsed) == nil && parsed.Subject != nil && parsed.Subject.Digest != "" {
		w.Header().Set("OCI-Subject", parsed.Subject.Digest)
	}
	inner.ServeHTTP(w, r)
}

// getReferrers answers the referrers list with each entry's artifactType corrected and filtered.
func getReferrers(inner http.Handler, w http.ResponseWriter, r *http.Request) {
	recorded := httptest.NewRecorder()
	inner.ServeHTTP(recorded, r)
	if recorded.Code != http.StatusOK {
		for key, values := range recorded.Header() {
			w.Header()[key] = values
		}
		w.WriteHeader(recorded.Code)
		_, _ = w.Write(recorded.Body.Bytes())
		return
	}
	var index referrersIndex
	if err := json.Unmarshal(recorded.Body.Bytes(), &index); err != nil {
		http.Error(w, "referrers-registry: unreadable referrers list: "+err.Error(), http.StatusInternalServerError)
		return
	}
	repository := r.URL.Path[len("/v2/"):strings.LastIndex(r.URL.Path, "/referrers/")]
	wanted := r.URL.Query().Get("artifactType")
	kept := []json.RawMessage{}
	for _, raw := range index.Manifests {
		var descriptor map[string]any
		if err := json.Unmarshal(raw, &descriptor); err != nil {
			continue
		}
		digest, _ := descriptor["digest"].(string)
		if artifactType := manifestArtifactType(inner, repository, digest); artifactType != "" {
			descriptor["artifactType"] = artifactType
		}
		if wanted != "" && descriptor["artifactType"] != wanted {
			continue
		}
		corrected, _ := json.Marshal(descriptor)
		kept = append(kept, corrected)
	}
	index.Manifests = kept
	body, _ := json.Marshal(index)
	w.Header().Set("Content-Type", "application/vnd.oci.image.index.v1+json")
	if wanted != "" {
		w.Header().Set("OCI-Filters-Applied", "artifactType")
	}
	_, _ = w.Write(body)
}

// manifestArtifactType reads one stored manifest through the registry itself and returns its
// artifactType, or its config media type for an image manifest used as an artifact.
func manifestArtifactType(inner http.Handler, repository, digest string) string {
	request := httptest.NewRequest(http.MethodGet, "/v2/"+repository+"/manifests/"+digest, nil)
	recorded := httptest.NewRecorder()
	inner.ServeHTTP(recorded, request)
	if recorded.Code != http.StatusOK {
		return ""
	}
	var fields artifactFields
	if json.Unmarshal(recorded.Body.Bytes(), &fields) != nil {
		return ""
	}
	if fields.ArtifactType != "" {
		return fields.ArtifactType
	}
	return fields.Config.MediaType
}
