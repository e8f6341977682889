package cn.gongkai.ledger.report.document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The rendered page read back as XML (it is XHTML, as the PDF renderer needs): elements, texts, table rows. */
record Xhtml(Document document) {

    static Xhtml parse(String html) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new Xhtml(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    List<Element> elements(String tag) {
        var nodes = document.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    List<String> texts(String tag) {
        return elements(tag).stream().map(Xhtml::text).toList();
    }

    List<String> attributes(String tag, String attribute) {
        return elements(tag).stream().filter(e -> e.hasAttribute(attribute)).map(e -> e.getAttribute(attribute))
                .toList();
    }

    List<Element> tables() {
        return elements("table");
    }

    String text() {
        return text(document.getDocumentElement());
    }

    /** Each row's cell texts (th and td), left to right. */
    static List<List<String>> rows(Element table) {
        List<List<String>> rows = new ArrayList<>();
        var trs = table.getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            for (Node child = trs.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element cell && (cell.getTagName().equals("th") || cell.getTagName().equals("td"))) {
                    cells.add(text(cell));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    static String text(Node node) {
        return node.getTextContent().strip();
    }
}
