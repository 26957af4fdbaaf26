package io.mozaiks.identity.mirror.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Makes {@code themes/mozaiks/login/resources/img/bg.png}, the raster background mirrored into mozaiks-core
 * (whose stylesheet loads {@code url('../img/bg.png?v=11')}), from this project's own vector background
 * {@code background.svg}: the same mosaic, pixel for pixel, at the SVG's size.
 *
 * <p>Repeatable byte for byte on any JDK and OS: it uses no image library and no zlib. The SVG is only
 * axis-aligned rectangles with integer coordinates ({@code <rect>} and {@code <path d="Mx yh..v..h..z">}),
 * each filled exactly; anything else is refused. The PNG is 8-bit indexed (palette in order of first use),
 * filter type 0, compressed by the small fixed-Huffman deflate encoder below (runs of the previous pixel and
 * of the row above), so the output depends only on this file and the SVG. {@code MosaicPngTest} regenerates
 * it and compares bytes with the committed file.
 *
 * <p>Run (single-file source launch, Java 17+), from the repository root:
 * <pre>
 * java theme-mirror/src/test/java/io/mozaiks/identity/mirror/assets/MosaicPng.java \
 *      themes/mozaiks/login/resources/img/background.svg themes/mozaiks/login/resources/img/bg.png
 * </pre>
 * (Windows: the same with {@code \} separators.)
 */
public final class MosaicPng {
    /** The image must stay a small background, not a photo. */
    static final int MAX_PIXELS = 4_000_000;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private MosaicPng() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java MosaicPng.java BACKGROUND.svg OUT.png");
            System.exit(2);
        }
        byte[] png = fromSvg(Files.readAllBytes(Path.of(args[0])));
        Files.write(Path.of(args[1]), png);
        System.out.println("wrote " + args[1] + " (" + png.length + " bytes)");
    }

    /** The PNG for an SVG made only of filled, integer, axis-aligned rectangles. */
    public static byte[] fromSvg(byte[] svg) throws Exception {
        Element root = parse(svg).getDocumentElement();
        int width = integer(root.getAttribute("width"), "svg width");
        int height = integer(root.getAttribute("height"), "svg height");
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("svg size " + width + "x" + height + " is out of range");
        }
        Map<Integer, Integer> palette = new LinkedHashMap<>();
        byte[] pixels = new byte[width * height];
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element element = (Element) node;
            int index = paletteIndex(palette, element.getAttribute("fill"));
            for (int[] rect : rectangles(element)) {
                fill(pixels, width, height, rect, index);
            }
        }
        return encode(width, height, palette, pixels);
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        try (InputStream in = new java.io.ByteArrayInputStream(svg)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static int paletteIndex(Map<Integer, Integer> palette, String fill) {
        if (!COLOUR.matcher(fill).matches()) {
            throw new IllegalArgumentException("fill '" + fill + "' is not #rrggbb");
        }
        int rgb = Integer.parseInt(fill.substring(1), 16);
        if (!palette.containsKey(rgb) && palette.size() == 256) {
            throw new IllegalArgumentException("more than 256 colours");
        }
        return palette.computeIfAbsent(rgb, key -> palette.size());
    }

    /** {x0, y0, x1, y1} (end exclusive) for a rect, or for every closed subpath of a path. */
    private static List<int[]> rectangles(Element element) {
        List<int[]> result = new ArrayList<>();
        switch (element.getLocalName()) {
            case "rect" -> {
                int x = element.hasAttribute("x") ? integer(element.getAttribute("x"), "rect x") : 0;
                int y = element.hasAttribute("y") ? integer(element.getAttribute("y"), "rect y") : 0;
                result.add(new int[] {x, y, x + integer(element.getAttribute("width"), "rect width"),
                        y + integer(element.getAttribute("height"), "rect height")});
            }
            case "path" -> {
                String d = element.getAttribute("d");
                if (!d.matches("(M-?\\d+ -?\\d+h-?\\d+v-?\\d+h-?\\d+z)+")) {
                    throw new IllegalArgumentException("path d must be rectangles 'Mx yhWvHh-Wz': " + d);
                }
                for (String sub : d.split("(?=M)")) {
                    Matcher numbers = NUMBER.matcher(sub);
                    int[] n = new int[5];
                    for (int k = 0; k < 5 && numbers.find(); k++) {
                        n[k] = Integer.parseInt(numbers.group());
                    }
                    if (n[4] != -n[2] || n[2] <= 0 || n[3] <= 0) {
                        throw new IllegalArgumentException("subpath is not a rectangle: " + sub);
                    }
                    result.add(new int[] {n[0], n[1], n[0] + n[2], n[1] + n[3]});
                }
            }
            case "title", "desc" -> {
                return result;
            }
            default -> throw new IllegalArgumentException("element <" + element.getLocalName() + "> is not supported");
        }
        return result;
    }

    private static void fill(byte[] pixels, int width, int height, int[] rect, int index) {
        for (int y = Math.max(0, rect[1]); y < Math.min(height, rect[3]); y++) {
            for (int x = Math.max(0, rect[0]); x < Math.min(width, rect[2]); x++) {
                pixels[y * width + x] = (byte) index;
            }
        }
    }

    private static int integer(String value, String what) {
        if (!value.matches("-?\\d{1,6}")) {
            throw new IllegalArgumentException(what + " '" + value + "' is not an integer");
        }
        return Integer.parseInt(value);
    }

    // ---- PNG ----

    static byte[] encode(int width, int height, Map<Integer, Integer> palette, byte[] pixels) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, width);
        writeInt(header, height);
        header.write(new byte[] {8, 3, 0, 0, 0}); // bit depth 8, indexed colour, deflate, filter 0, no interlace
        chunk(png, "IHDR", header.toByteArray());
        ByteArrayOutputStream plte = new ByteArrayOutputStream();
        for (int rgb : palette.keySet()) {
            plte.write(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb});
        }
        chunk(png, "PLTE", plte.toByteArray());
        int stride = width + 1;
        byte[] raw = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            raw[y * stride] = 0; // filter type None
            System.arraycopy(pixels, y * width, raw, y * stride + 1, width);
        }
        chunk(png, "IDAT", zlib(raw, stride));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(png, data.length);
        png.write(name);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        writeInt(png, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    // ---- zlib stream with one fixed-Huffman deflate block (RFC 1950, RFC 1951 section 3.2.6) ----

    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
        59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
        769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
        10, 11, 11, 12, 12, 13, 13};

    /** Greedy matching at two distances only: 1 (the same pixel again) and {@code stride} (the row above). */
    static byte[] zlib(byte[] data, int stride) {
        BitWriter bits = new BitWriter();
        bits.out.write(0x78); // deflate, 32 KiB window
        bits.out.write(0x01); // no dictionary, fastest; (0x78 * 256 + 0x01) % 31 == 0
        bits.write(1, 1); // BFINAL
        bits.write(1, 2); // BTYPE = fixed Huffman
        int i = 0;
        while (i < data.length) {
            int bestLength = 0;
            int bestDistance = 0;
            for (int distance : new int[] {stride, 1}) {
                if (distance > 32768 || i < distance) {
                    continue;
                }
                int length = 0;
                while (length < 258 && i + length < data.length && data[i + length] == data[i + length - distance]) {
                    length++;
                }
                if (length > bestLength) {
                    bestLength = length;
                    bestDistance = distance;
                }
            }
            if (bestLength >= 3) {
                writeLength(bits, bestLength);
                writeDistance(bits, bestDistance);
                i += bestLength;
            } else {
                literal(bits, data[i] & 0xff);
                i++;
            }
        }
        literal(bits, 256); // end of block
        bits.flush();
        Adler32 adler = new Adler32();
        adler.update(data);
        int checksum = (int) adler.getValue();
        bits.out.write(checksum >>> 24);
        bits.out.write(checksum >>> 16);
        bits.out.write(checksum >>> 8);
        bits.out.write(checksum);
        return bits.out.toByteArray();
    }

    private static void literal(BitWriter bits, int symbol) {
        if (symbol < 144) {
            bits.writeCode(0x30 + symbol, 8);
        } else if (symbol < 256) {
            bits.writeCode(0x190 + symbol - 144, 9);
        } else if (symbol < 280) {
            bits.writeCode(symbol - 256, 7);
        } else {
            bits.writeCode(0xc0 + symbol - 280, 8);
        }
    }

    private static void writeLength(BitWriter bits, int length) {
        int code = LENGTH_BASE.length - 1;
        while (LENGTH_BASE[code] > length) {
            code--;
        }
        if (length == 258) {
            code = 28;
        }
        literal(bits, 257 + code);
        bits.write(length - LENGTH_BASE[code], LENGTH_EXTRA[code]);
    }

    private static void writeDistance(BitWriter bits, int distance) {
        int code = DIST_BASE.length - 1;
        while (DIST_BASE[code] > distance) {
            code--;
        }
        bits.writeCode(code, 5);
        bits.write(distance - DIST_BASE[code], DIST_EXTRA[code]);
    }

    /** Deflate's bit order: data fields least significant bit first, Huffman codes most significant bit first. */
    private static final class BitWriter {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int buffer;
        private int count;

        void write(int value, int length) {
            for (int k = 0; k < length; k++) {
                buffer |= ((value >>> k) & 1) << count;
                if (++count == 8) {
                    out.write(buffer);
                    buffer = 0;
                    count = 0;
                }
            }
        }

        void writeCode(int code, int length) {
            for (int k = length - 1; k >= 0; k--) {
                write((code >>> k) & 1, 1);
            }
        }

        void flush() {
            if (count > 0) {
                out.write(buffer);
                buffer = 0;
                count = 0;
            }
        }
    }
}
