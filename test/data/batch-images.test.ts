import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { batchToImages } from "../../src/data/batch-images";
import { expectNoLeak, useBackend } from "../helpers";

test("batchToImages: one PixelImage per image, pixels in HWC order, tensor untouched, no leak", async () => {
  await useBackend("cpu");
  const batch = tf.tensor4d([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [2, 1, 2, 3]);
  const images = await expectNoLeak(() => batchToImages(batch));
  assert.equal(images.length, 2);
  assert.deepEqual(
    { ...images[1], data: Array.from(images[1].data) },
    { height: 1, width: 2, channels: 3, data: [6, 7, 8, 9, 10, 11] },
  );
  assert.equal(batchToImages(batch, 1).length, 1);
  assert.equal(batch.isDisposed, false);
  assert.throws(
    () => batchToImages(batch, 3),
    /count must be a whole number from 1 to 2, got 3. The batch holds 2 images/,
  );
  assert.throws(() => batchToImages(tf.zeros([2, 2, 2]) as unknown as tf.Tensor4D), /images must be a 4-D tensor/);
  assert.throws(
    () => batchToImages(tf.zeros([1, 2, 2, 2]) as tf.Tensor4D),
    /1, 3 or 4 channels to be shown in colour, got 2\. Pass \{ eachChannel: true \}/,
  );
  batch.dispose();
});

test("batchToImages with eachChannel: one gray picture per channel of each image, the first maxChannels of them", async () => {
  await useBackend("cpu");
  // Two 1×2 images with 3 channels: image 0 pixels (0,1,2) (3,4,5); image 1 pixels (6,7,8) (9,10,11).
  const batch = tf.tensor4d([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [2, 1, 2, 3]);
  const maps = await expectNoLeak(() => batchToImages(batch, { eachChannel: true, maxChannels: 2 }));
  assert.deepEqual(
    maps.map((m) => [m.channels, Array.from(m.data)]),
    [
      [1, [0, 3]],
      [1, [1, 4]],
      [1, [6, 9]],
      [1, [7, 10]],
    ],
  );
  const first = batchToImages(batch, { count: 1, eachChannel: true });
  assert.deepEqual(
    first.map((m) => Array.from(m.data)),
    [
      [0, 3],
      [1, 4],
      [2, 5],
    ],
  );
  assert.throws(
    () => batchToImages(batch, { eachChannel: true, maxChannels: 0 }),
    /maxChannels must be a whole number ≥ 1, got 0/,
  );
  batch.dispose();
});
