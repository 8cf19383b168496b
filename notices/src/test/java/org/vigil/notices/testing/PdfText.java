package org.vigil.notices.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF back as a person would: its text, and the QR codes on its pages. */
public final class PdfText {
  private PdfText() {}

  /** The document's text with every run of whitespace as one space. */
  public static String text(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps {@code pdf} under target/letters for a person to look at. */
  public static void keep(byte[] pdf, String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "letters");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(name), pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int pages(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contents of the QR codes found on the pages rendered at 150 dpi, page by page. */
  public static List<String> qrCodes(byte[] pdf) {
    List<String> found = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 150, ImageType.GRAY);
        BinaryBitmap bitmap =
            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
          found.add(
              new QRCodeReader()
                  .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                  .getText());
        } catch (NotFoundException e) {
          // no code on this page
        } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
          throw new AssertionError("an unreadable QR code on page " + (i + 1), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
