package org.vigil.notices.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The letter's typeface, DejaVu Sans (regular and bold), read once from the classpath (the {@code
 * net.sf.jasperreports:jasperreports-fonts} jar) and embedded as a subset in each document. It
 * covers Latin and Cyrillic including the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І; no system font is ever
 * used.
 */
final class LetterFonts {
  static final String REGULAR = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
  static final String BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

  private final byte[] regular;
  private final byte[] bold;

  LetterFonts() {
    this.regular = read(REGULAR);
    this.bold = read(BOLD);
  }

  private static byte[] read(String resource) {
    try (InputStream in = LetterFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "font "
                + resource
                + " not on the classpath (net.sf.jasperreports:jasperreports-fonts)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read font " + resource, e);
    }
  }

  /** Both faces loaded for {@code doc}; close after the document is saved. */
  Loaded load(PDDocument doc) throws IOException {
    TrueTypeFont r = new TTFParser().parse(new RandomAccessReadBuffer(regular));
    TrueTypeFont b = null;
    try {
      b = new TTFParser().parse(new RandomAccessReadBuffer(bold));
      return new Loaded(r, b, PDType0Font.load(doc, r, true), PDType0Font.load(doc, b, true));
    } catch (IOException | RuntimeException e) {
      r.close();
      if (b != null) {
        b.close();
      }
      throw e;
    }
  }

  /** The faces of one document. */
  record Loaded(
      TrueTypeFont regularFile, TrueTypeFont boldFile, PDType0Font regular, PDType0Font bold)
      implements AutoCloseable {

    /**
     * {@code s} as one printable line: line breaks, tabs and no-break spaces become spaces, and a
     * character neither face has becomes {@code ?}.
     */
    String printable(String s) throws IOException {
      var regularMap = regularFile.getUnicodeCmapLookup();
      var boldMap = boldFile.getUnicodeCmapLookup();
      StringBuilder sb = new StringBuilder(s.length());
      s.codePoints()
          .forEach(
              cp -> {
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                  sb.append(' ');
                } else if (Character.isISOControl(cp)
                    || regularMap.getGlyphId(cp) == 0
                    || boldMap.getGlyphId(cp) == 0) {
                  sb.append('?');
                } else {
                  sb.appendCodePoint(cp);
                }
              });
      return sb.toString();
    }

    @Override
    public void close() throws IOException {
      try {
        regularFile.close();
      } finally {
        boldFile.close();
      }
    }
  }
}
