#!/usr/bin/env bash
# Installs the LaTeX tools the BibTeX compile test needs (Debian packages), once; a no-op when they are there.
set -euo pipefail
if command -v pdflatex >/dev/null && command -v bibtex >/dev/null; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "tex-setup: pdflatex and bibtex are missing; install Debian's texlive-latex-base (e.g. sudo apt-get install -y --no-install-recommends texlive-latex-base)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends texlive-latex-base >/dev/null
command -v pdflatex >/dev/null && command -v bibtex >/dev/null
