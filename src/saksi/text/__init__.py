"""Text basics: normalisation with offset maps, language identification, sentence segmentation."""
