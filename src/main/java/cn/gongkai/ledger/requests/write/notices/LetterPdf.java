package cn.gongkai.ledger.requests.write.notices;

import java.util.Optional;

/** Turns a letter's XHTML into a PDF with an embedded CJK font; empty where no PDF renderer is present. */
@FunctionalInterface
interface LetterPdf {

    Optional<byte[]> fromXhtml(String xhtml);
}
