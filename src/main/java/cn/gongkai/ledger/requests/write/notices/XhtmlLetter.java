package cn.gongkai.ledger.requests.write.notices;

/**
 * A letter as one XHTML document: the preview, and the source of the PDF. Laid out as a 公文 on A4
 * (GB/T 9704-2012, loosely): agency and title centred, 文号 right, addressee flush left, body
 * paragraphs indented two characters, the seal's words and the date right, above the envelope line.
 */
final class XhtmlLetter {

    /**
     * The official faces by name (仿宋 for the body, 宋体 bold for titles): the PDF kit maps both to the
     * CJK font it embeds ({@code documents.Pdf}), a browser showing the preview to what it has.
     */
    static final String FONT_FAMILY = "'仿宋_GB2312', '仿宋', FangSong, serif";

    private XhtmlLetter() {
    }

    static String render(Letter letter) {
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
                <head>
                <meta charset="UTF-8"/>
                <title>""").append(escape(letter.title())).append("</title>\n<style>\n")
                .append("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n")
                .append("body { font-family: ").append(FONT_FAMILY)
                .append("; font-size: 16pt; line-height: 28pt; color: #000; }\n")
                .append("""
                        .agency, .title { font-family: '宋体', SimSun, serif; text-align: center; font-size: 22pt; line-height: 34pt; font-weight: bold; margin: 0; }
                        .title { margin: 0 0 14pt 0; }
                        .number { text-align: right; margin: 0 0 14pt 0; }
                        .addressee { margin: 0; }
                        .body { text-indent: 2em; margin: 0; text-align: justify; }
                        .seal { text-align: right; margin: 42pt 2em 0 0; }
                        .date { text-align: right; margin: 0 2em 0 0; }
                        .address { margin: 28pt 0 0 0; font-size: 12pt; line-height: 18pt; border-top: 1px solid #000; padding-top: 4pt; }
                        </style>
                        </head>
                        <body>
                        """);
        html.append("<p class=\"agency\">").append(escape(letter.agencyName())).append("</p>\n");
        html.append("<p class=\"title\">").append(escape(letter.title())).append("</p>\n");
        html.append("<p class=\"number\">").append(escape(letter.documentNumber())).append("</p>\n");
        html.append("<p class=\"addressee\">").append(escape(letter.addressee())).append("：</p>\n");
        for (String paragraph : letter.paragraphs()) {
            html.append("<p class=\"body\">").append(escape(paragraph)).append("</p>\n");
        }
        html.append("<p class=\"seal\">").append(escape(letter.sealText())).append("（印章）</p>\n");
        html.append("<p class=\"date\">").append(escape(letter.dateText())).append("</p>\n");
        if (letter.address() != null && !letter.address().isBlank()) {
            html.append("<p class=\"address\">送达地址：").append(escape(letter.address())).append("</p>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
