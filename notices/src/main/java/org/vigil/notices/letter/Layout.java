package org.vigil.notices.letter;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes the letter top to bottom on A4 pages: wrapped paragraphs, label–value rows, headings and
 * the QR code, starting a new page when the next block does not fit.
 */
final class Layout implements AutoCloseable {
  static final float MARGIN = 42;
  static final float LABEL_WIDTH = 190;
  static final float GAP = 10;

  private final PDDocument doc;
  private final LetterFonts.Loaded fonts;
  private final float width;
  private PDPageContentStream cs;
  private float y;

  Layout(PDDocument doc, LetterFonts.Loaded fonts) throws IOException {
    this.doc = doc;
    this.fonts = fonts;
    this.width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    newPage();
  }

  private void newPage() throws IOException {
    if (cs != null) {
      cs.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    cs = new PDPageContentStream(doc, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  /** Starts a new page unless {@code height} points still fit on this one. */
  void ensure(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  void space(float points) {
    y -= points;
  }

  /** A paragraph across the full width. */
  void paragraph(String text, boolean bold, float size) throws IOException {
    PDFont font = bold ? fonts.bold() : fonts.regular();
    for (String line : wrap(fonts.printable(text), font, size, width)) {
      ensure(leading(size));
      y -= leading(size);
      show(line, font, size, MARGIN, y + descent(size));
    }
  }

  /** A heading with a rule under it. */
  void heading(String text) throws IOException {
    ensure(leading(11.5f) * 3);
    space(6);
    paragraph(text, true, 11.5f);
    y -= 3;
    cs.setLineWidth(0.6f);
    cs.moveTo(MARGIN, y);
    cs.lineTo(MARGIN + width, y);
    cs.stroke();
    y -= 4;
  }

  /** A label on the left and its value, wrapped, on the right. */
  void row(String label, String value, boolean boldValue) throws IOException {
    float size = 10;
    List<String> labels = wrap(fonts.printable(label), fonts.regular(), size, LABEL_WIDTH);
    PDFont valueFont = boldValue ? fonts.bold() : fonts.regular();
    List<String> values = wrap(fonts.printable(value), valueFont, size, width - LABEL_WIDTH - GAP);
    int lines = Math.max(labels.size(), values.size());
    ensure(lines * leading(size) + 2);
    for (int i = 0; i < lines; i++) {
      y -= leading(size);
      if (i < labels.size()) {
        show(labels.get(i), fonts.regular(), size, MARGIN, y + descent(size));
      }
      if (i < values.size()) {
        show(values.get(i), valueFont, size, MARGIN + LABEL_WIDTH + GAP, y + descent(size));
      }
    }
    y -= 2;
  }

  /**
   * The QR code, {@code size} points square, at the left margin, with {@code caption} (bold) and
   * {@code uri} to its right. Dark modules are filled rectangles; the page's white is the quiet
   * zone, kept free for at least four modules around the code.
   */
  void qr(BitMatrix matrix, float size, String caption, String uri) throws IOException {
    float module = size / matrix.getWidth();
    float quiet = 4 * module;
    ensure(size + 2 * quiet);
    y -= quiet;
    float top = y;
    cs.setNonStrokingColor(0f);
    for (int row = 0; row < matrix.getHeight(); row++) {
      int col = 0;
      while (col < matrix.getWidth()) {
        if (!matrix.get(col, row)) {
          col++;
          continue;
        }
        int start = col;
        while (col < matrix.getWidth() && matrix.get(col, row)) {
          col++;
        }
        cs.addRect(
            MARGIN + quiet + start * module,
            top - (row + 1) * module,
            (col - start) * module,
            module);
      }
    }
    cs.fill();
    float textX = MARGIN + size + 2 * quiet + GAP;
    float textWidth = width - (textX - MARGIN);
    float ty = top;
    for (String line : wrap(fonts.printable(caption), fonts.bold(), 10, textWidth)) {
      ty -= leading(10);
      show(line, fonts.bold(), 10, textX, ty + descent(10));
    }
    for (String line : wrap(fonts.printable(uri), fonts.regular(), 9, textWidth)) {
      ty -= leading(9);
      show(line, fonts.regular(), 9, textX, ty + descent(9));
    }
    y = Math.min(top - size, ty) - quiet;
  }

  private void show(String text, PDFont font, float size, float x, float baseline)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, baseline);
    cs.showText(text);
    cs.endText();
  }

  private static float leading(float size) {
    return size * 1.3f;
  }

  private static float descent(float size) {
    return size * 0.3f;
  }

  private static float widthOf(String s, PDFont font, float size) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  /** Greedy wrap at spaces; a word wider than the line is broken between characters. */
  static List<String> wrap(String text, PDFont font, float size, float maxWidth)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split(" +")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (widthOf(candidate, font, size) <= maxWidth) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (widthOf(rest, font, size) > maxWidth && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && widthOf(rest.substring(0, cut), font, size) > maxWidth) {
          cut--;
        }
        if (Character.isLowSurrogate(rest.charAt(cut)) && cut > 1) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    cs.close();
  }
}
