package io.mozaiks.identity.mirror.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Refuses SVG with active content before it is mirrored into another repository, where a login page serves
 * it: scripts, event handlers, foreign HTML, external references (links, stylesheets, fonts, images loaded
 * from elsewhere), DOCTYPEs (entity tricks) and processing instructions. Internal {@code #id} references stay
 * allowed because gradients and {@code <use>} need them.
 */
public final class SvgInspector {
    /** Elements that run code or embed another document. */
    public static final Set<String> ACTIVE_ELEMENTS = Set.of(
            "script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio", "video");

    private static final Pattern URL_FUNCTION = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^)'\"\\s]*)",
            Pattern.CASE_INSENSITIVE);

    private SvgInspector() {
    }

    /** Empty when the SVG is passive; otherwise the first reason it is refused. */
    public static Optional<String> activeContent(byte[] svg) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(svg));
        } catch (SAXException e) {
            String detail = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
            return Optional.of("not well-formed SVG or uses a DOCTYPE" + detail);
        } catch (IOException | ParserConfigurationException e) {
            return Optional.of("SVG could not be parsed: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(localName(root))) {
            return Optional.of("root element is <" + root.getNodeName() + ">, not <svg>");
        }
        return inspect(document);
    }

    private static Optional<String> inspect(Node node) {
        if (node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
            return Optional.of("processing instruction <?" + node.getNodeName() + "?> (may load a stylesheet)");
        }
        if (node.getNodeType() == Node.ELEMENT_NODE) {
            Optional<String> problem = inspectElement((Element) node);
            if (problem.isPresent()) {
                return problem;
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Optional<String> problem = inspect(child);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inspectElement(Element element) {
        String name = localName(element).toLowerCase(Locale.ROOT);
        if (ACTIVE_ELEMENTS.contains(name)) {
            return Optional.of("<" + element.getNodeName() + "> element (active content)");
        }
        if (name.equals("style")) {
            Optional<String> external = externalInCss(element.getTextContent());
            if (external.isPresent()) {
                return Optional.of("<style> " + external.get());
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = localName(attribute).toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            if (attributeName.startsWith("on")) {
                return Optional.of("event handler attribute " + attribute.getName() + " on <" + element.getNodeName() + ">");
            }
            if (attributeName.equals("href") || attributeName.equals("src") || attributeName.equals("action")) {
                if (!value.trim().startsWith("#")) {
                    return Optional.of("external reference " + attribute.getName() + "=\"" + abbreviate(value) + "\"");
                }
            }
            if ((name.equals("set") || name.startsWith("animate")) && attributeName.equals("attributename")) {
                String target = value.toLowerCase(Locale.ROOT);
                if (target.contains("href") || target.startsWith("on")) {
                    return Optional.of("<" + element.getNodeName() + "> rewrites " + value + " (active content)");
                }
            }
            if (value.toLowerCase(Locale.ROOT).replaceAll("\\s", "").contains("javascript:")) {
                return Optional.of("javascript: URL in attribute " + attribute.getName());
            }
            Optional<String> external = externalInCss(value);
            if (external.isPresent()) {
                return Optional.of("attribute " + attribute.getName() + " " + external.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> externalInCss(String css) {
        if (css == null) {
            return Optional.empty();
        }
        if (css.toLowerCase(Locale.ROOT).contains("@import")) {
            return Optional.of("uses @import (external reference)");
        }
        Matcher matcher = URL_FUNCTION.matcher(css);
        while (matcher.find()) {
            if (!matcher.group(1).startsWith("#")) {
                return Optional.of("references url(" + abbreviate(matcher.group(1)) + ") (external reference)");
            }
        }
        return Optional.empty();
    }

    private static String localName(Node node) {
        String local = node.getLocalName();
        return local != null ? local : node.getNodeName();
    }

    private static String abbreviate(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine;
    }

    /** A namespace-aware parser that refuses DOCTYPEs, so no entity expansion or external DTD is possible. */
    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        // The default handler prints "[Fatal Error]" to stderr; we report the exception ourselves instead.
        builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) {
            }

            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder;
    }
}
