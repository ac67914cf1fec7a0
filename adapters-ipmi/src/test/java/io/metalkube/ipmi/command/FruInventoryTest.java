package io.metalkube.ipmi.command;

import io.metalkube.ipmi.wire.IpmiDecodeException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FRU parsing against a golden image built independently (FRU spec v1.0 §8, §11-§13), and broken images. */
class FruInventoryTest {

    /** Header, board area (Acme / Board-X / BSN-1) and product area (Acme Corp / Server 9 / M1 / v2 / SN-9). */
    static final byte[] GOLDEN = HexFormat.of().parseHex(
            "01000001050000f9010419000000c441636d65c7426f6172642d58c542534e2d31c10000000000ad"
                    + "010519c941636d6520436f7270c85365727665722039c24d31c27632c4534e2d39c1000000000020");

    @Test
    void boardAndProductAreas() {
        assertThat(FruInventory.parse(GOLDEN))
                .isEqualTo(new FruInventory("Acme", "Board-X", "BSN-1", "Acme Corp", "Server 9", "SN-9", "v2"));
    }

    @Test
    void bcdPlusAndSixBitAsciiFields() {
        // board area with a BCD-plus serial "12-3" (0x12 0xb3) and a 6-bit ASCII name "IPMI" (29 dc a6, the spec's own example)
        byte[] board = {0x01, 0x02, 0x19, 0, 0, 0, (byte) 0x83, 0x29, (byte) 0xdc, (byte) 0xa6, (byte) 0xc0, 0x42, 0x12, (byte) 0xb3, (byte) 0xc1, 0};
        board[15] = checksum(board, 15);
        byte[] header = {0x01, 0, 0, 1, 0, 0, 0, 0};
        header[7] = checksum(header, 7);
        byte[] fru = Arrays.copyOf(header, 24);
        System.arraycopy(board, 0, fru, 8, 16);
        FruInventory inv = FruInventory.parse(fru);
        assertThat(inv.boardManufacturer()).isEqualTo("IPMI");
        assertThat(inv.boardProductName()).isNull();
        assertThat(inv.boardSerial()).isEqualTo("12-3");
        assertThat(inv.productName()).isNull();
    }

    static byte checksum(byte[] b, int upTo) {
        int sum = 0;
        for (int i = 0; i < upTo; i++) {
            sum += b[i] & 0xff;
        }
        return (byte) -sum;
    }

    @Test
    void brokenImagesAreRejected() {
        byte[] badHeaderSum = GOLDEN.clone();
        badHeaderSum[7]++;
        byte[] badAreaSum = GOLDEN.clone();
        badAreaSum[20]++;
        byte[] badVersion = GOLDEN.clone();
        badVersion[0] = 0x02;
        for (byte[] broken : new byte[][]{badHeaderSum, badAreaSum, badVersion, Arrays.copyOf(GOLDEN, 30), Arrays.copyOf(GOLDEN, 5), new byte[0]}) {
            assertThatThrownBy(() -> FruInventory.parse(broken)).isInstanceOf(IpmiDecodeException.class);
        }
    }
}
